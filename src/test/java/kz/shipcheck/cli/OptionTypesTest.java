package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Option values bound to types: a value its type refuses is one line naming the option and what it
 * accepts, exit 2, before anything is read or loaded; and help lists the same values.
 */
class OptionTypesTest {
  static final String PASSING = ExitCodesTest.PASSING;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "check "
            + PASSING
            + " --format pdf | --format: unknown format 'pdf' (text, json, jsonl, csv, junit, sarif, github, html)",
        "check "
            + PASSING
            + " --format JSON | --format: unknown format 'JSON' (text, json, jsonl, csv, junit, sarif, github, html)",
        "check "
            + PASSING
            + " --fail-on sometimes | --fail-on: must be error, warning or never, found 'sometimes'",
        "check " + PASSING + " --as-of 2025-02-30 | --as-of: not a date (yyyy-mm-dd): '2025-02-30'",
        "check "
            + PASSING
            + " --report pdf=r.pdf | --report: unknown format 'pdf' (text, json, jsonl, csv, junit, sarif, github, html)",
        "check " + PASSING + " --report json | --report: expected FORMAT=FILE, found 'json'",
        "rules --format xml | --format: unknown format 'xml' (text, markdown, json)",
        "test --format xml | --format: unknown format 'xml' (text, junit)",
        "pack info --format xml | --format: unknown format 'xml' (text, json)",
        "diff "
            + PASSING
            + " --to rules --format xml | --format: unknown format 'xml' (text, json, csv)",
        "diff "
            + PASSING
            + " --to rules --as-of tomorrow | --as-of: not a date (yyyy-mm-dd): 'tomorrow'",
        "init --product wheat --ship-date 2025-13-01 | --ship-date: not a date (yyyy-mm-dd): '2025-13-01'",
      })
  void aRefusedValueIsOneLineNamingWhatIsAccepted(String args, String message) {
    Cli.Run r = Cli.run(args.split(" "));
    assertEquals(2, r.code(), r.err());
    assertEquals("error: " + message + "\n", r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "check | --format=FORMAT report format: text, json, jsonl, csv, junit, sarif, github, html (default: text)",
        "rules | --format=FORMAT text, markdown, json (default: text)",
        "test | --format=FORMAT text, junit (default: text)",
        "diff | --format=FORMAT text, json, csv (default: text)",
      })
  void helpListsTheValuesFromTheSameType(String command, String line) {
    String help = Cli.run(command, "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains(line), help);
  }
}
