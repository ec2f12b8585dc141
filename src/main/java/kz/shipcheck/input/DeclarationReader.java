package kz.shipcheck.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.YamlNode;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;
import kz.shipcheck.yaml.YamlReader;

/**
 * Reads a {@link Source} into its documents. Never throws for bad input: a file that cannot be
 * read, decoded or parsed becomes an invalid document with a reason and, where known, a place.
 */
public final class DeclarationReader {
  private final InputLimits limits;
  private final YamlReader yaml;
  private final LocalDate asOf;

  /**
   * @param asOf judge every declaration as if shipped on this date; null for its own ship date
   */
  public DeclarationReader(InputLimits limits, LocalDate asOf) {
    this.limits = limits;
    this.yaml = new YamlReader(limits);
    this.asOf = asOf;
  }

  public InputLimits limits() {
    return limits;
  }

  /** Reads every document of the source. The list is never empty. */
  public List<ReadDocument> read(Source source, InputStream stdin) {
    return collect(documents(source, stdin));
  }

  /**
   * Reads the source and hands its documents to {@code sink} one at a time, in order, each parsed
   * only when the previous one has been handed on. At least one document is always handed on.
   */
  public void read(Source source, InputStream stdin, Consumer<ReadDocument> sink) {
    documents(source, stdin).forEach(sink);
  }

  /**
   * The documents of the source, each parsed only when the iteration reaches it, so that a file of
   * many documents need not be held parsed all at once. The file itself is read (within the size
   * limit) before this returns; the iteration yields at least one document.
   */
  public Iterable<ReadDocument> documents(Source source, InputStream stdin) {
    String name = source.name();
    if (source.problem() != null) {
      return List.of(
          fileProblem(
              name,
              "INPUT-UNREADABLE",
              "source",
              InputProblem.args("detail", source.problem()),
              source.problem()));
    }
    byte[] bytes;
    try {
      if (source.path() == null) {
        bytes = readLimited(stdin);
      } else {
        // the size check spares reading a large regular file at all; the bounded read also
        // holds for what has no size (/dev/zero, a pipe) or grows while it is read
        if (Files.isRegularFile(source.path())) {
          long size = Files.size(source.path());
          if (size > limits.maxFileBytes()) {
            return List.of(
                fileProblem(
                    name,
                    "INPUT-LIMIT",
                    "fileSize",
                    InputProblem.args(
                        "size",
                        String.format(java.util.Locale.ROOT, "%.1f", size / (1024.0 * 1024.0)),
                        "limit",
                        limitFigure(),
                        "unit",
                        limitUnit()),
                    tooLarge(size)));
          }
        }
        try (InputStream in = Files.newInputStream(source.path())) {
          bytes = readLimited(in);
        }
      }
    } catch (TooLarge e) {
      return List.of(
          fileProblem(
              name,
              "INPUT-LIMIT",
              "input",
              InputProblem.args("limit", limitFigure(), "unit", limitUnit()),
              e.getMessage()));
    } catch (AccessDeniedException e) {
      return List.of(
          fileProblem(
              name,
              "INPUT-UNREADABLE",
              "denied",
              Map.of(),
              "cannot read the file: permission denied"));
    } catch (NoSuchFileException e) {
      return List.of(
          fileProblem(
              name,
              "INPUT-UNREADABLE",
              "missing",
              Map.of(),
              "the file does not exist (broken link?)"));
    } catch (IOException e) {
      return List.of(
          fileProblem(
              name,
              "INPUT-UNREADABLE",
              null,
              InputProblem.args("detail", e.getMessage()),
              "cannot read the file: " + e.getMessage()));
    }
    return documents(name, bytes);
  }

  /** Reads in-memory content as if it were a file named {@code name}. */
  public List<ReadDocument> readBytes(String name, byte[] bytes) {
    return collect(documents(name, bytes));
  }

  private static List<ReadDocument> collect(Iterable<ReadDocument> docs) {
    List<ReadDocument> out = new ArrayList<>();
    docs.forEach(out::add);
    return out;
  }

  /** As {@link #documents(Source, InputStream)}, for content already in memory. */
  public Iterable<ReadDocument> documents(String name, byte[] bytes) {
    String wide = Utf8Text.wideEncoding(bytes);
    if (wide != null) {
      return List.of(
          fileProblem(
              name,
              "INPUT-ENCODING",
              "wide",
              InputProblem.args("encoding", wide),
              "the file is "
                  + wide
                  + " (it starts with its byte-order mark),"
                  + " not UTF-8: save it as UTF-8"));
    }
    int nul = Utf8Text.indexOfNul(bytes);
    if (nul >= 0) {
      int[] at = Utf8Text.position(bytes, nul);
      return List.of(
          ReadDocument.invalid(
              name,
              1,
              null,
              new InputProblem(
                  "INPUT-BINARY",
                  null,
                  InputProblem.args("offset", nul),
                  "binary content (a NUL byte at offset " + nul + "): not a YAML declaration",
                  "",
                  at[0],
                  at[1])));
    }
    String text;
    try {
      text = Utf8Text.decode(bytes);
    } catch (Utf8Text.BadEncoding e) {
      return List.of(
          ReadDocument.invalid(
              name,
              1,
              null,
              new InputProblem(
                  "INPUT-ENCODING",
                  null,
                  InputProblem.args("byte", String.format("%02X", e.badByte), "offset", e.offset),
                  e.getMessage(),
                  "",
                  e.line,
                  e.column)));
    }
    YamlReader.Splitter probe = new YamlReader.Splitter(text);
    if (!probe.hasNext()) {
      return List.of(
          fileProblem(name, "INPUT-EMPTY", "file", Map.of(), "the file holds no declaration"));
    }
    // each iteration cuts its documents from the text one at a time, as it reaches them: a file
    // holds one document's text and tree at a time however many it has, and nothing beyond
    // --max-documents is cut out or parsed, only counted for the message
    return () ->
        new Iterator<>() {
          private final YamlReader.Splitter segments = new YamlReader.Splitter(text);
          private int number;
          private boolean cut;

          @Override
          public boolean hasNext() {
            return !cut && segments.hasNext();
          }

          @Override
          public ReadDocument next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            YamlReader.Segment s = segments.next();
            number++;
            if (number - 1 == limits.maxDocuments()) {
              cut = true;
              int more = 1 + segments.countRemaining(); // counting consumes the rest: once
              return ReadDocument.invalid(
                  name,
                  number,
                  null,
                  new InputProblem(
                      "INPUT-LIMIT",
                      "documents",
                      InputProblem.args("more", more, "limit", limits.maxDocuments()),
                      more
                          + " more documents beyond the limit of "
                          + limits.maxDocuments()
                          + " per file were not checked (--max-documents)",
                      "",
                      s.lineOffset() + 1,
                      1));
            }
            return readDocument(name, number, s);
          }
        };
  }

  private ReadDocument readDocument(String name, int number, YamlReader.Segment segment) {
    YamlNode root;
    try {
      root = yaml.parse(segment);
    } catch (InputProblem p) {
      return ReadDocument.invalid(name, number, null, p);
    }
    if (!(root instanceof MapNode map)) {
      return ReadDocument.invalid(
          name,
          number,
          null,
          new InputProblem(
              "INPUT-TYPE",
              "root",
              InputProblem.args("found", ProblemWords.kindWord(root.kindName())),
              "a declaration must be a mapping of id, shipDate, exporter, items, ..., found "
                  + root.kindName(),
              "",
              root.line(),
              root.column()));
    }
    String id = map.get("id") instanceof Scalar s && !s.text().isEmpty() ? s.text() : null;
    InputRules.IdProblem idProblem = id == null ? null : InputRules.idProblemOf(id);
    if (idProblem != null) {
      // an id a reader cannot tell from another would escape the duplicate check or match a
      // waiver the reader did not mean; the document is not read as a declaration (and its id,
      // shown escaped in the message, is not reported as one)
      YamlNode at = map.get("id");
      return ReadDocument.invalid(
          name,
          number,
          null,
          new InputProblem(
              "INPUT-TYPE",
              idProblem.variant(),
              idProblem.args(),
              idProblem.english(),
              "id",
              at.line(),
              at.column()));
    }
    SchemaValidator.Outcome checked = SchemaValidator.validate(map, Schema.DECLARATION);
    if (!checked.problems().isEmpty()) {
      return new ReadDocument(name, number, id, null, checked.locations(), checked.problems());
    }
    return new ReadDocument(
        name, number, id, Binder.bind(map, asOf), checked.locations(), List.of());
  }

  private static ReadDocument fileProblem(
      String name, String rule, String variant, Map<String, ?> args, String english) {
    return ReadDocument.invalid(
        name, 1, null, new InputProblem(rule, variant, args, english, "", 1, 1));
  }

  /** The file limit as a figure, in whole MB when it is one (see {@link #limitUnit}). */
  private long limitFigure() {
    long max = limits.maxFileBytes();
    return max % (1024 * 1024) == 0 ? max / (1024 * 1024) : max;
  }

  private String limitUnit() {
    return limits.maxFileBytes() % (1024 * 1024) == 0 ? "mb" : "bytes";
  }

  private String tooLarge(long size) {
    return String.format(
        java.util.Locale.ROOT,
        "the file is %.1f MB, over the limit of %s (--max-file-mb)",
        size / (1024.0 * 1024.0),
        limitText());
  }

  private String limitText() {
    long max = limits.maxFileBytes();
    return max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MB" : max + " bytes";
  }

  /** Reads at most the file limit, plus one byte to tell that there is more. */
  private byte[] readLimited(InputStream in) throws IOException, TooLarge {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
    if (bytes.length > limits.maxFileBytes()) {
      throw new TooLarge(
          "the input is larger than the limit of " + limitText() + " (--max-file-mb)");
    }
    return bytes;
  }

  private static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message, null, false, false);
    }
  }
}
