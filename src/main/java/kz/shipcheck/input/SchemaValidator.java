package kz.shipcheck.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.shipcheck.input.Schema.Arr;
import kz.shipcheck.input.Schema.Field;
import kz.shipcheck.input.Schema.Obj;
import kz.shipcheck.input.Schema.Simple;
import kz.shipcheck.input.Schema.Type;
import kz.shipcheck.pack.Numbers;
import kz.shipcheck.yaml.Dates;
import kz.shipcheck.yaml.InputProblem;
import kz.shipcheck.yaml.Locations;
import kz.shipcheck.yaml.Suggest;
import kz.shipcheck.yaml.YamlNode;
import kz.shipcheck.yaml.YamlNode.Entry;
import kz.shipcheck.yaml.YamlNode.ListNode;
import kz.shipcheck.yaml.YamlNode.MapNode;
import kz.shipcheck.yaml.YamlNode.Scalar;
import kz.shipcheck.yaml.YamlNode.ScalarType;

/**
 * Checks a document's shape against {@link Schema}: types, unknown keys, required fields. It
 * reports every problem it finds (not just the first), and records each value's position.
 */
public final class SchemaValidator {
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  /** An item index: decimal digits only, small enough for an int. */
  private static final Pattern INDEX = Pattern.compile("\\+?\\d{1,9}");

  /**
   * Problems listed per document; past this one more problem says how many were left out, so a file
   * of garbage keys cannot turn into a report many times its size.
   */
  static final int MAX_PROBLEMS = 100;

  private int moreProblems;

  private final List<InputProblem> problems = new ArrayList<>();
  private final Locations locations;

  private SchemaValidator(Locations locations) {
    this.locations = locations;
  }

  /** Result of validation: positions of every value and the problems found (empty when valid). */
  public record Outcome(Locations locations, List<InputProblem> problems) {}

  public static Outcome validate(YamlNode root, Obj schema) {
    SchemaValidator v = new SchemaValidator(new Locations(root.line(), root.column()));
    v.check(root, schema, "");
    if (v.moreProblems > 0) {
      InputProblem last = v.problems.get(v.problems.size() - 1);
      v.problems.add(
          new InputProblem(
              "INPUT-LIMIT",
              "problems",
              InputProblem.args("more", v.moreProblems, "limit", MAX_PROBLEMS),
              v.moreProblems
                  + " more problems in this document are not listed (only the first "
                  + MAX_PROBLEMS
                  + " are)",
              "",
              last.line(),
              last.column()));
    }
    return new Outcome(v.locations, List.copyOf(v.problems));
  }

  private void check(YamlNode node, Type type, String path) {
    if (!path.isEmpty()) {
      locations.put(path, node.line(), node.column());
    }
    if (type instanceof Obj obj) {
      if (!(node instanceof MapNode map)) {
        wrongType(node, "a mapping of " + String.join(", ", Schema.keys(obj)), path);
        return;
      }
      checkMap(map, obj, path);
    } else if (type instanceof Arr arr) {
      if (!(node instanceof ListNode list)) {
        wrongType(node, "a list", path);
        return;
      }
      if (list.items().size() < arr.minItems()) {
        add(
            new InputProblem(
                "INPUT-REQUIRED",
                "minItems",
                InputProblem.args("path", path, "min", arr.minItems()),
                "'" + path + "' needs at least " + arr.minItems() + " entry",
                path,
                node.line(),
                node.column()));
      }
      for (int i = 0; i < list.items().size(); i++) {
        YamlNode item = list.items().get(i);
        String itemPath = path + "[" + i + "]";
        if (arr.items() instanceof Simple simple
            && item instanceof Scalar s
            && s.type() == ScalarType.NULL) {
          // an empty entry in a list is not an absent field: a rule would meet a null
          locations.put(itemPath, item.line(), item.column());
          wrongType(item, ProblemWords.expected(simple), itemPath);
          continue;
        }
        check(item, arr.items(), itemPath);
      }
    } else {
      checkScalar(node, (Simple) type, path);
    }
  }

  private void checkMap(MapNode map, Obj obj, String path) {
    for (Map.Entry<String, Entry> e : map.entries().entrySet()) {
      Field f = obj.fields().get(e.getKey());
      String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      if (f == null) {
        Entry entry = e.getValue();
        String near = Suggest.closest(e.getKey(), Schema.keys(obj));
        add(
            new InputProblem(
                "INPUT-UNKNOWN-KEY",
                null,
                InputProblem.args(
                    "key",
                    ProblemWords.printable(e.getKey()),
                    "parent",
                    path.isEmpty() ? null : path,
                    "suggestion",
                    near,
                    "known",
                    String.join(", ", Schema.keys(obj))),
                "unknown key '"
                    + ProblemWords.printable(e.getKey())
                    + "'"
                    + (path.isEmpty() ? "" : " in '" + path + "'")
                    + (near != null ? "; did you mean '" + near + "'?" : "")
                    + " Known keys: "
                    + String.join(", ", Schema.keys(obj)),
                childPath,
                entry.keyLine(),
                entry.keyColumn()));
        continue;
      }
      YamlNode value = e.getValue().value();
      if (value instanceof Scalar s && s.type() == ScalarType.NULL) {
        locations.put(childPath, value.line(), value.column());
        if (f.required()) {
          add(
              new InputProblem(
                  "INPUT-REQUIRED",
                  "empty",
                  InputProblem.args("path", childPath),
                  "required field '" + childPath + "' is empty",
                  childPath,
                  value.line(),
                  value.column()));
        }
        continue; // an empty optional value counts as absent
      }
      if (f.required()
          && f.type() == Simple.TEXT
          && value instanceof Scalar s
          && s.text().isBlank()) {
        // id: "" or product: " " names nothing; it is as missing as no value at all
        locations.put(childPath, value.line(), value.column());
        add(
            new InputProblem(
                "INPUT-REQUIRED",
                "blank",
                InputProblem.args("path", childPath),
                "required field '" + childPath + "' is blank",
                childPath,
                value.line(),
                value.column()));
        continue;
      }
      check(value, f.type(), childPath);
    }
    for (Field f : obj.fields().values()) {
      if (f.required() && !map.entries().containsKey(f.name())) {
        String childPath = path.isEmpty() ? f.name() : path + "." + f.name();
        add(
            new InputProblem(
                "INPUT-REQUIRED",
                null,
                InputProblem.args("path", childPath, "description", f.description()),
                "required field '" + childPath + "' is missing (" + f.description() + ")",
                childPath,
                map.line(),
                map.column()));
      }
    }
  }

  private void checkScalar(YamlNode node, Simple type, String path) {
    if (!(node instanceof Scalar s)) {
      wrongType(node, ProblemWords.expected(type), path);
      return;
    }
    switch (type) {
      case TEXT -> {}
      case DATE -> {
        if (parseDate(s.text()) == null) {
          add(
              new InputProblem(
                  "INPUT-TYPE",
                  "date",
                  InputProblem.args("path", path, "value", s.text()),
                  "'"
                      + path
                      + "' must be a date (yyyy-mm-dd) that exists, found '"
                      + s.text()
                      + "'",
                  path,
                  s.line(),
                  s.column()));
        }
      }
      case NUMBER -> checkNumber(s, path);
      case INDEX -> {
        // 010 is item 8 to YAML 1.1 and item 10 to YAML 1.2: refused like any odd spelling
        String odd = s.type() == ScalarType.INTEGER ? Numbers.oddSpelling(s.text()) : null;
        if (odd != null) {
          oddNumber(s, "a whole number, 0 or more (an item index)", path, odd);
        } else if (s.type() == ScalarType.INTEGER && s.text().matches("\\+?\\d{10,}")) {
          add(
              new InputProblem(
                  "INPUT-TYPE",
                  "indexTooLarge",
                  InputProblem.args("path", path, "value", ProblemWords.abbreviate(s.text())),
                  "'"
                      + path
                      + "' is too large for an item index, found '"
                      + ProblemWords.abbreviate(s.text())
                      + "'",
                  path,
                  s.line(),
                  s.column()));
        } else if (s.type() != ScalarType.INTEGER || !INDEX.matcher(s.text()).matches()) {
          wrongType(node, "a whole number, 0 or more (an item index)", path);
        }
      }
      case BOOLEAN -> {
        if (s.type() != ScalarType.BOOLEAN) {
          wrongType(node, "true or false", path);
        }
      }
    }
  }

  /**
   * A number is a plain decimal, read exactly as written ({@link Numbers#parse}); every other
   * spelling YAML has for numbers is refused with the reason, since it reads differently to
   * different readers. A quoted number is text, as it is to YAML and JSON.
   */
  private void checkNumber(Scalar s, String path) {
    String odd = s.type() == ScalarType.BOOLEAN ? null : Numbers.oddSpelling(s.text());
    if (odd != null) {
      oddNumber(s, "a number", path, odd);
      return;
    }
    if (s.type() != ScalarType.INTEGER && s.type() != ScalarType.DECIMAL) {
      if (s.type() == ScalarType.STRING && NUMBER.matcher(s.text()).matches()) {
        add(
            new InputProblem(
                "INPUT-TYPE",
                "quotedNumber",
                InputProblem.args("path", path, "value", ProblemWords.abbreviate(s.text())),
                "'"
                    + path
                    + "' must be a number, found text '"
                    + ProblemWords.abbreviate(s.text())
                    + "': a quoted number is text; write it without quotes",
                path,
                s.line(),
                s.column()));
      } else {
        wrongType(s, "a number", path);
      }
      return;
    }
    try {
      Numbers.parse(s.text());
    } catch (Numbers.OutOfRange e) {
      add(
          new InputProblem(
              "INPUT-TYPE",
              "range",
              InputProblem.args(
                  "path",
                  path,
                  "value",
                  ProblemWords.abbreviate(s.text()),
                  "detail",
                  e.getMessage()),
              "'"
                  + path
                  + "' must be a number in range, found '"
                  + ProblemWords.abbreviate(s.text())
                  + "': "
                  + e.getMessage(),
              path,
              s.line(),
              s.column()));
    } catch (NumberFormatException e) {
      wrongType(s, "a number", path);
    }
  }

  private void oddNumber(Scalar s, String expected, String path, String reason) {
    add(
        new InputProblem(
            "INPUT-TYPE",
            "oddNumber",
            InputProblem.args(
                "path",
                path,
                "expected",
                ProblemWords.expectedWord(expected),
                "value",
                ProblemWords.abbreviate(s.text()),
                "reason",
                reason),
            "'"
                + path
                + "' must be "
                + expected
                + ", found '"
                + ProblemWords.abbreviate(s.text())
                + "', which is not a plain decimal number: "
                + reason,
            path,
            s.line(),
            s.column()));
  }

  private void add(InputProblem p) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(p);
    } else {
      moreProblems++;
    }
  }

  /** Parses yyyy-mm-dd strictly: 2025-02-30 is not a date ({@link Dates#parse}). */
  public static LocalDate parseDate(String text) {
    return Dates.parse(text);
  }

  private void wrongType(YamlNode node, String expected, String path) {
    String found;
    String variant;
    Map<String, Object> args =
        InputProblem.args("path", path, "expected", ProblemWords.expectedWord(expected));
    if (node instanceof Scalar s
        && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.DECIMAL)
        && !NUMBER.matcher(s.text()).matches()) {
      // YAML reads 0x1F, 0o17, 1_000 and .nan as numbers; the format wants plain decimals
      found = "'" + ProblemWords.abbreviate(s.text()) + "', which is not a plain decimal number";
      variant = "notPlain";
      args.put("value", ProblemWords.abbreviate(s.text()));
    } else if (node instanceof Scalar s && s.type() != ScalarType.NULL) {
      found = node.kindName() + " '" + ProblemWords.abbreviate(s.text()) + "'";
      variant = "scalar";
      args.put("kind", ProblemWords.kindWord(node.kindName()));
      args.put("value", ProblemWords.abbreviate(s.text()));
    } else {
      found = node.kindName();
      variant = null;
      args.put("kind", ProblemWords.kindWord(node.kindName()));
    }
    add(
        new InputProblem(
            "INPUT-TYPE",
            variant,
            args,
            "'" + path + "' must be " + expected + ", found " + found,
            path,
            node.line(),
            node.column()));
  }
}
