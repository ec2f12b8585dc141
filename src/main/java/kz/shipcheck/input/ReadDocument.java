package kz.shipcheck.input;

import java.util.List;
import kz.shipcheck.model.Declaration;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.Locations;

/**
 * One document of an input, read: a declaration with its positions, or the problems that make it
 * {@code invalid}.
 *
 * @param document 1-based position in the file
 * @param id the declaration id when it could be read (also for some invalid documents)
 * @param declaration null when {@code problems} is not empty
 */
public record ReadDocument(
    String file,
    int document,
    String id,
    Declaration declaration,
    Locations locations,
    List<InputProblem> problems) {

  public boolean isValid() {
    return problems.isEmpty();
  }

  static ReadDocument invalid(String file, int document, String id, InputProblem... problems) {
    return new ReadDocument(file, document, id, null, null, List.of(problems));
  }
}
