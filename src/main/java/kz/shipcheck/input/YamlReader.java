package kz.shipcheck.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
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
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML text into {@link YamlNode} trees that remember every value's position.
 *
 * <p>YAML here is data only: the reader walks Jackson's token stream and never binds to Java
 * types, explicit tags ({@code !!java.net.URL}, {@code !custom}) are refused, and aliases are
 * refused rather than expanded, which also rules out "billion laughs" documents. Duplicate keys
 * are reported with the position of the second occurrence. Every {@link InputLimits} bound is
 * checked while reading, so a hostile document costs at most the limits, never its expansion.
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
    // the builder starts from no parser features at all (unlike new YAMLFactory()): without this,
    // an empty value such as 'form:' is read as the empty string instead of null
    this.factory =
        new TagAwareFactory(
            YAMLFactory.builder()
                .loaderOptions(options)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL));
    this.factory.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() + 2)
            .maxStringLength(Math.max(limits.maxScalarChars() + 1, 1024))
            .build());
  }

  /**
   * Splits a file's text into documents, keeping line numbers: a document starts at a {@code ---}
   * marker (blanked, so that content on the marker's line keeps its column) or after a {@code ...}
   * end marker, as in YAML. Directives ({@code %YAML}) before a document are blanked. Segments
   * holding only blanks, comments or directives are dropped.
   */
  public static List<Segment> split(String text) {
    List<Segment> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int startLine = 0;
    int lineNo = 0;
    boolean betweenDocuments = true; // where a directive may stand
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
        betweenDocuments = false;
      } else if (isMarker(line, "...")) {
        // the document ends here; what follows is the next document (or directives for it)
        addIfContent(out, current, startLine);
        current.setLength(0);
        startLine = lineNo + 1;
        betweenDocuments = true;
      } else if (betweenDocuments && line.startsWith("%")) {
        current.append('\n'); // a directive belongs to the stream, not to the document
      } else {
        current.append(line);
        if (hasContent(line)) {
          betweenDocuments = false;
        }
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
    checkLineLength(segment);
    TagAwareParser parser = null;
    try (JsonParser p = factory.createParser(segment.text())) {
      parser = (TagAwareParser) p;
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputProblem("INPUT-EMPTY", "the document is empty", "", offset + 1, 1);
      }
      YamlNode root = readValue(parser, first, offset, 0, "", new int[1]);
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
      throw syntaxProblem(e, segment, parser);
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      throw new InputProblem(
          "INPUT-LIMIT",
          "the document exceeds an input limit: " + firstLine(e.getOriginalMessage()),
          "",
          at == null ? offset + 1 : at.getLineNr() + offset,
          at == null ? 1 : at.getColumnNr());
    } catch (JsonProcessingException e) {
      throw syntaxProblem(e, segment, parser);
    } catch (IOException e) {
      throw new InputProblem(
          "INPUT-SYNTAX", "YAML syntax: " + firstLine(e.getMessage()), "", offset + 1, 1);
    } catch (YAMLException e) {
      // SnakeYAML signals its own limits (code points, nesting) with unchecked exceptions; Jackson
      // usually wraps them, but not on every path
      throw snakeProblem(e, segment);
    }
  }

  /**
   * Turns a YAML error into a problem a user can act on: SnakeYAML's mark when it has one, a
   * readable reason instead of SnakeYAML's internal event names, INPUT-LIMIT for its limits.
   */
  private static InputProblem syntaxProblem(
      JsonProcessingException e, Segment segment, YAMLParser parser) {
    int offset = segment.lineOffset();
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      String problem = plain(m.getProblem() == null ? firstLine(m.getMessage()) : m.getProblem());
      Mark started = m.getContextMark();
      String context =
          m.getContext() == null
              ? ""
              : " (" + m.getContext()
                  + (started != null && started.getLine() != mark.getLine()
                      ? " that starts on line " + (started.getLine() + 1 + offset)
                      : "")
                  + ")";
      String message = "YAML syntax: " + problem + context;
      if (problem.contains("\\t(TAB)")) {
        message = "YAML syntax: a tab character where YAML allows only spaces; indent and separate"
            + " values with spaces";
      }
      return new InputProblem(
          "INPUT-SYNTAX", message, "", mark.getLine() + 1 + offset, mark.getColumn() + 1);
    }
    if (cause instanceof YAMLException y) {
      return snakeProblem(y, segment);
    }
    String msg = e.getOriginalMessage();
    // Jackson's own refusals name SnakeYAML events; say what is wrong in YAML terms instead, at
    // the event's position (Jackson's exception location is the document start here)
    String rule = "INPUT-SYNTAX";
    String reason = null;
    if (msg != null && msg.startsWith("Expected a field name")) {
      if (msg.contains("AliasEvent")) {
        rule = "INPUT-ALIAS";
        reason = "a YAML alias used as a key is not allowed: write the key out";
      } else {
        reason = "YAML syntax: a mapping key must be plain text, not a list or a mapping";
      }
    }
    JsonLocation at = parser == null ? null : parser.currentTokenLocation();
    if (at == null || at.getLineNr() < 1) {
      at = e.getLocation();
    }
    return new InputProblem(
        rule,
        reason != null ? reason : "YAML syntax: " + firstLine(msg),
        "",
        at == null ? offset + 1 : Math.max(1, at.getLineNr()) + offset,
        at == null ? 1 : Math.max(1, at.getColumnNr()));
  }

  /** SnakeYAML's unchecked exceptions: its limits, and characters YAML does not allow. */
  private static InputProblem snakeProblem(YAMLException e, Segment segment) {
    int offset = segment.lineOffset();
    if (e instanceof ReaderException r) {
      int[] at = position(segment.text(), r.getPosition());
      return new InputProblem(
          "INPUT-SYNTAX",
          String.format(
              "YAML syntax: control character U+%04X is not allowed in YAML text", r.getCodePoint()),
          "",
          at[0] + offset,
          at[1]);
    }
    if (e instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      return new InputProblem(
          "INPUT-SYNTAX",
          "YAML syntax: " + firstLine(m.getProblem() == null ? m.getMessage() : m.getProblem()),
          "",
          mark.getLine() + 1 + offset,
          mark.getColumn() + 1);
    }
    String msg = firstLine(e.getMessage());
    boolean limit = msg.contains("limit") || msg.contains("exceed") || msg.contains("Nesting Depth");
    return new InputProblem(
        limit ? "INPUT-LIMIT" : "INPUT-SYNTAX",
        (limit ? "the document exceeds an input limit: " : "YAML syntax: ") + msg,
        "",
        offset + 1,
        1);
  }

  /** 1-based line and column of the {@code index}-th code point of the text. */
  private static int[] position(String text, int index) {
    int line = 1;
    int col = 1;
    int i = 0;
    for (int cp = 0; i < text.length() && cp < index; cp++) {
      char c = text.charAt(i);
      i += Character.charCount(text.codePointAt(i));
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  /** SnakeYAML's token names in words a user knows. */
  private static String plain(String problem) {
    return problem
        .replace("'<scalar>'", "a value")
        .replace("<scalar>", "a value")
        .replace("<block end>", "the end of the indented block")
        .replace("'<block mapping start>'", "an indented mapping")
        .replace("'<block sequence start>'", "an indented list")
        .replace("'<block end>'", "the end of the indented block")
        .replaceAll(" got :$", " found ':'");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  private YamlNode readValue(
      TagAwareParser p, JsonToken token, int offset, int depth, String path, int[] values)
      throws IOException, InputProblem {
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr() + offset;
    int col = loc.getColumnNr();
    if (++values[0] > limits.maxValues()) {
      throw new InputProblem(
          "INPUT-LIMIT",
          "more than " + limits.maxValues() + " values in one document (--max-values)",
          path,
          line,
          col);
    }
    if (depth > limits.maxDepth()) {
      throw new InputProblem(
          "INPUT-LIMIT",
          "nesting deeper than " + limits.maxDepth() + " levels (--max-depth)",
          path,
          line,
          col);
    }
    String tag = p.explicitTag();
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
        return readMap(p, offset, depth, path, line, col, values);
      case START_ARRAY:
        {
          List<YamlNode> items = new ArrayList<>();
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            items.add(
                readValue(p, t, offset, depth + 1, path + "[" + items.size() + "]", values));
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

  private YamlNode readMap(
      TagAwareParser p, int offset, int depth, String path, int line, int col, int[] values)
      throws IOException, InputProblem {
    Map<String, Entry> entries = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation kl = p.currentTokenLocation();
      int keyLine = kl.getLineNr() + offset;
      int keyCol = kl.getColumnNr();
      String childPath = path.isEmpty() ? key : path + "." + key;
      checkScalarLength(key, path, keyLine, keyCol);
      String keyTag = p.explicitTag();
      if (keyTag != null) {
        throw new InputProblem(
            "INPUT-TAG",
            "YAML tag '" + keyTag + "' on a key is not allowed: declarations are plain data",
            childPath,
            keyLine,
            keyCol);
      }
      YamlNode value = readValue(p, p.nextToken(), offset, depth + 1, childPath, values);
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

  /** Refuses a long line before SnakeYAML scans it (its time grows with the square of the length). */
  private void checkLineLength(Segment segment) throws InputProblem {
    String text = segment.text();
    int max = limits.maxLineChars();
    if (text.length() <= max) {
      return;
    }
    int start = 0;
    for (int line = 1; start <= text.length(); line++) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      if (end - start > max) {
        throw new InputProblem(
            "INPUT-LIMIT",
            "a line of " + (end - start) + " characters exceeds the limit of " + max + " (--max-line-chars)",
            "",
            segment.lineOffset() + line,
            1);
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
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

  /** Builds {@link TagAwareParser}s; otherwise Jackson's YAML factory as configured. */
  private static final class TagAwareFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    TagAwareFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
      return new TagAwareParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }

    @Override
    protected YAMLParser _createParser(
        char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
      return new TagAwareParser(
          ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec,
          new CharArrayReader(data, offset, len));
    }
  }

  /**
   * Jackson's YAML parser, also telling the explicit tag of a key: Jackson's {@code getTypeId()}
   * does not report a tag on the first key of a mapping, which would let {@code !x id: ...} pass.
   */
  static final class TagAwareParser extends YAMLParser {
    TagAwareParser(
        IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options,
        ObjectCodec codec, Reader reader) {
      super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
    }

    /** The explicit tag ({@code !x}, {@code !!java.net.URL}) of the node just read, or null. */
    String explicitTag() {
      if (_lastEvent instanceof ScalarEvent s) {
        return s.getTag();
      }
      if (_lastEvent instanceof CollectionStartEvent c) {
        return c.getTag();
      }
      return null;
    }
  }
}
