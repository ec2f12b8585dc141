package kz.shipcheck.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.shipcheck.input.YamlNode.Entry;
import kz.shipcheck.input.YamlNode.ListNode;
import kz.shipcheck.input.YamlNode.MapNode;
import kz.shipcheck.input.YamlNode.Scalar;
import kz.shipcheck.input.YamlNode.ScalarType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YamlNode} trees that remember every value's position.
 *
 * <p>YAML here is data only: the reader walks Jackson's token stream and never binds to Java
 * types, explicit tags ({@code !!java.net.URL}, {@code !custom}) are refused, and aliases are
 * refused rather than expanded, which also rules out "billion laughs" documents. Duplicate keys
 * are reported with the position of the second occurrence.
 */
public final class YamlReader {

  /** One document of a multi-document file: its text and the 0-based line it starts on. */
  public record Segment(String text, int lineOffset) {}

  private final YAMLFactory factory;
  private final InputLimits limits;

  public YamlReader(InputLimits limits) {
    this.limits = limits;
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with their position
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(Math.max(limits.maxDepth() + 2, 4));
    options.setCodePointLimit(
        (int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileBytes(), 1024)));
    // An empty plain value ("id:") is YAML's null, not the empty text: without this Jackson's
    // builder reports it as "", so a required field left empty would pass as present. A quoted
    // '' stays text.
    this.factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
    this.factory.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() + 2)
            .maxStringLength(Math.max(limits.maxScalarChars() + 1, 1024))
            .build());
  }

  /**
   * Splits a file's text at {@code ---} document markers, keeping line numbers: the marker itself
   * is blanked so that content on the marker's line keeps its column. Segments holding only
   * blanks, comments or directives are dropped.
   */
  public static List<Segment> split(String text) {
    List<Segment> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int startLine = 0;
    int lineNo = 0;
    boolean sawMarker = false;
    int pos = 0;
    int n = text.length();
    while (pos <= n) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? n : nl + 1;
      if (pos == n && nl < 0) {
        break;
      }
      String line = text.substring(pos, end);
      if (isMarker(line, "---")) {
        addIfContent(out, current, startLine);
        current.setLength(0);
        startLine = lineNo;
        current.append("   ").append(line, 3, line.length());
        sawMarker = true;
      } else if (isMarker(line, "...")) {
        current.append('\n');
      } else if (!sawMarker && line.startsWith("%")) {
        current.append('\n'); // a directive belongs to the stream, not to the document
      } else {
        current.append(line);
      }
      lineNo++;
      pos = end;
    }
    addIfContent(out, current, startLine);
    return out;
  }

  private static boolean isMarker(String line, String marker) {
    return line.startsWith(marker)
        && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
  }

  private static void addIfContent(List<Segment> out, StringBuilder text, int startLine) {
    if (hasContent(text)) {
      out.add(new Segment(text.toString(), startLine));
    }
  }

  private static boolean hasContent(CharSequence text) {
    boolean lineStart = true;
    boolean inComment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        inComment = false;
        lineStart = true;
      } else if (inComment || c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
        continue;
      } else if (c == '#' && lineStart) {
        inComment = true;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Parses one document. The segment's line offset is added to every position. */
  public YamlNode parse(Segment segment) throws InputProblem {
    int offset = segment.lineOffset();
    try (JsonParser p = factory.createParser(segment.text())) {
      YAMLParser parser = (YAMLParser) p;
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputProblem("INPUT-EMPTY", "the document is empty", "", offset + 1, 1);
      }
      YamlNode root = readValue(parser, first, offset, 0, "");
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new InputProblem(
            "INPUT-SYNTAX",
            "unexpected content after the end of the document",
            "",
            at.getLineNr() + offset,
            at.getColumnNr());
      }
      return root;
    } catch (JacksonYAMLParseException e) {
      throw syntaxProblem(e, offset);
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      throw new InputProblem(
          "INPUT-LIMIT",
          "the document exceeds an input limit: " + firstLine(e.getOriginalMessage()),
          "",
          at == null ? offset + 1 : at.getLineNr() + offset,
          at == null ? 1 : at.getColumnNr());
    } catch (IOException e) {
      throw new InputProblem(
          "INPUT-SYNTAX", "YAML syntax: " + firstLine(e.getMessage()), "", offset + 1, 1);
    } catch (RuntimeException e) {
      // SnakeYAML signals some limits (code points, nesting) with unchecked exceptions
      throw new InputProblem(
          "INPUT-LIMIT",
          "the document could not be read: " + firstLine(String.valueOf(e.getMessage())),
          "",
          offset + 1,
          1);
    }
  }

  private static InputProblem syntaxProblem(JacksonYAMLParseException e, int offset) {
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      String problem = m.getProblem() == null ? firstLine(m.getMessage()) : m.getProblem();
      String context = m.getContext() == null ? "" : " (" + m.getContext() + ")";
      return new InputProblem(
          "INPUT-SYNTAX",
          "YAML syntax: " + problem + context,
          "",
          mark.getLine() + 1 + offset,
          mark.getColumn() + 1);
    }
    JsonLocation at = e.getLocation();
    String msg = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
    return new InputProblem(
        "INPUT-SYNTAX",
        "YAML syntax: " + firstLine(msg),
        "",
        at == null ? offset + 1 : Math.max(1, at.getLineNr()) + offset,
        at == null ? 1 : Math.max(1, at.getColumnNr()));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  private YamlNode readValue(YAMLParser p, JsonToken token, int offset, int depth, String path)
      throws IOException, InputProblem {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr() + offset;
    int col = loc.getColumnNr();
    if (depth > limits.maxDepth()) {
      throw new InputProblem(
          "INPUT-LIMIT",
          "nesting deeper than " + limits.maxDepth() + " levels (--max-depth)",
          path,
          line,
          col);
    }
    Object tag = p.getTypeId();
    if (tag != null) {
      throw new InputProblem(
          "INPUT-TAG",
          "YAML tag '" + tag + "' is not allowed: declarations are plain data",
          path,
          line,
          col);
    }
    if (p.isCurrentAlias()) {
      throw new InputProblem(
          "INPUT-ALIAS",
          "YAML alias '*" + p.getText() + "' is not allowed: write the value out",
          path,
          line,
          col);
    }
    switch (token) {
      case START_OBJECT:
        return readMap(p, offset, depth, path, line, col);
      case START_ARRAY:
        {
          List<YamlNode> items = new ArrayList<>();
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(p, t, offset, depth + 1, path + "[" + items.size() + "]"));
          }
          return new ListNode(items, line, col);
        }
      case VALUE_STRING:
        {
          String text = p.getText();
          checkScalarLength(text, path, line, col);
          return new Scalar(text, ScalarType.STRING, line, col);
        }
      case VALUE_NUMBER_INT:
        return new Scalar(p.getText(), ScalarType.INTEGER, line, col);
      case VALUE_NUMBER_FLOAT:
        return new Scalar(p.getText(), ScalarType.DECIMAL, line, col);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Scalar(p.getText(), ScalarType.BOOLEAN, line, col);
      case VALUE_NULL:
        return new Scalar("", ScalarType.NULL, line, col);
      default:
        throw new InputProblem(
            "INPUT-SYNTAX", "unsupported YAML value (" + token + ")", path, line, col);
    }
  }

  private YamlNode readMap(YAMLParser p, int offset, int depth, String path, int line, int col)
      throws IOException, InputProblem {
    Map<String, Entry> entries = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation kl = p.currentTokenLocation();
      int keyLine = kl.getLineNr() + offset;
      int keyCol = kl.getColumnNr();
      String childPath = path.isEmpty() ? key : path + "." + key;
      YamlNode value = readValue(p, p.nextToken(), offset, depth + 1, childPath);
      if (entries.containsKey(key)) {
        Entry first = entries.get(key);
        throw new InputProblem(
            "INPUT-DUPLICATE-KEY",
            "duplicate key '" + key + "' (first written on line " + first.keyLine() + ")",
            childPath,
            keyLine,
            keyCol);
      }
      entries.put(key, new Entry(key, keyLine, keyCol, value));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new InputProblem("INPUT-SYNTAX", "malformed mapping", path, line, col);
    }
    return new MapNode(entries, line, col);
  }

  private void checkScalarLength(String text, String path, int line, int col)
      throws InputProblem {
    if (text.length() > limits.maxScalarChars()) {
      throw new InputProblem(
          "INPUT-LIMIT",
          "a value of "
              + text.length()
              + " characters exceeds the limit of "
              + limits.maxScalarChars(),
          path,
          line,
          col);
    }
  }
}
