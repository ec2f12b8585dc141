package kz.shipcheck.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML text into {@link YamlNode} trees that remember every value's position.
 *
 * <p>YAML here is data only: the reader walks Jackson's token stream and never binds to Java types,
 * explicit tags ({@code !!java.net.URL}, {@code !custom}) are refused, and aliases are refused
 * rather than expanded, which also rules out "billion laughs" documents. Duplicate keys are
 * reported with the position of the second occurrence. Every {@link InputLimits} bound is checked
 * while reading, so a hostile document costs at most the limits, never its expansion.
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
        new TagAwareParser.Factory(
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
   * holding only blanks, comments or directives are dropped. Lines end at {@code \n} only, as in an
   * editor and {@code grep -n}; {@link #parse} refuses the other characters YAML 1.1 takes for line
   * breaks, so that its line numbers are these.
   */
  public static List<Segment> split(String text) {
    List<Segment> out = new ArrayList<>();
    new Splitter(text).forEachRemaining(out::add);
    return out;
  }

  /**
   * The documents of a text one at a time, cut as {@link #split} cuts them, each only when asked
   * for: a file of millions of tiny documents never holds more than one of them, and the documents
   * beyond a limit are counted without being cut out at all.
   */
  public static final class Splitter implements Iterator<Segment> {
    private static final Segment COUNTED = new Segment("", 0);

    private final String text;
    private final StringBuilder current = new StringBuilder();
    private int pos;
    private int lineNo;
    private int startLine;
    private boolean betweenDocuments = true; // where a directive may stand
    private boolean content; // the current segment holds more than blanks and comments
    private Segment next;

    public Splitter(String text) {
      this.text = text;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = advance(true);
      }
      return next != null;
    }

    @Override
    public Segment next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Segment s = next;
      next = null;
      return s;
    }

    /** Counts the documents not yet handed on, without cutting their text out. */
    public int countRemaining() {
      int n = next != null ? 1 : 0;
      next = null;
      while (advance(false) != null) {
        n++;
      }
      return n;
    }

    /** Lines of the text looked at so far. */
    public int linesRead() {
      return lineNo;
    }

    /**
     * Reads lines up to the end of the next segment with content and returns it (with {@code keep};
     * otherwise a placeholder, its text never built), or null at the end of the text.
     */
    private Segment advance(boolean keep) {
      int n = text.length();
      while (pos < n) {
        int lineStart = pos;
        int nl = text.indexOf('\n', pos);
        int end = nl < 0 ? n : nl + 1;
        int line = lineNo++;
        pos = end;
        Segment done = null;
        if (isMarker(text, lineStart, end, "---")) {
          done = finish(keep, line);
          if (keep) {
            current.append("   ").append(text, lineStart + 3, end);
          }
          content = hasContent(text, lineStart + 3, end);
          betweenDocuments = false;
        } else if (isMarker(text, lineStart, end, "...")) {
          // the document ends here; what follows is the next document (or directives for it)
          done = finish(keep, line + 1);
          betweenDocuments = true;
        } else if (betweenDocuments && text.startsWith("%", lineStart)) {
          if (keep) {
            current.append('\n'); // a directive belongs to the stream, not to the document
          }
        } else {
          if (keep) {
            current.append(text, lineStart, end);
          }
          if (hasContent(text, lineStart, end)) {
            content = true;
            betweenDocuments = false;
          }
        }
        if (done != null) {
          return done;
        }
      }
      return finish(keep, lineNo);
    }

    /** Ends the current segment: returns it when it has content, and starts the next on a line. */
    private Segment finish(boolean keep, int nextStartLine) {
      Segment done = !content ? null : keep ? new Segment(current.toString(), startLine) : COUNTED;
      current.setLength(0);
      if (current.capacity() > 1 << 16) {
        current.trimToSize(); // a large document's buffer is not kept for the small ones after it
      }
      content = false;
      startLine = nextStartLine;
      return done;
    }
  }

  private static boolean isMarker(String text, int start, int end, String marker) {
    return text.startsWith(marker, start)
        && (end - start == 3 || Character.isWhitespace(text.charAt(start + 3)));
  }

  /** True when the text between the indexes holds more than blanks and comments. */
  private static boolean hasContent(CharSequence text, int from, int to) {
    boolean lineStart = true;
    boolean inComment = false;
    for (int i = from; i < to; i++) {
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
    LineChecks.checkLineLength(segment, limits.maxLineChars());
    LineChecks.checkLineBreaks(segment);
    TagAwareParser parser = null;
    try (JsonParser p = factory.createParser(segment.text())) {
      parser = (TagAwareParser) p;
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputProblem(
            "INPUT-EMPTY", null, Map.of(), "the document is empty", "", offset + 1, 1);
      }
      YamlNode root = new NodeBuilder(limits).readValue(parser, first, offset, 0, "", new int[1]);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new InputProblem(
            "INPUT-SYNTAX",
            "extra",
            Map.of(),
            "unexpected content after the end of the document",
            "",
            at.getLineNr() + offset,
            at.getColumnNr());
      }
      return root;
    } catch (JacksonYAMLParseException e) {
      throw YamlProblems.syntaxProblem(e, segment, parser);
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      throw new InputProblem(
          "INPUT-LIMIT",
          "parser",
          InputProblem.args("detail", YamlProblems.firstLine(e.getOriginalMessage())),
          "the document exceeds an input limit: " + YamlProblems.firstLine(e.getOriginalMessage()),
          "",
          at == null ? offset + 1 : at.getLineNr() + offset,
          at == null ? 1 : at.getColumnNr());
    } catch (JsonProcessingException e) {
      throw YamlProblems.syntaxProblem(e, segment, parser);
    } catch (IOException e) {
      throw new InputProblem(
          "INPUT-SYNTAX",
          "parser",
          InputProblem.args("detail", YamlProblems.firstLine(e.getMessage())),
          "YAML syntax: " + YamlProblems.firstLine(e.getMessage()),
          "",
          offset + 1,
          1);
    } catch (YAMLException e) {
      // SnakeYAML signals its own limits (code points, nesting) with unchecked exceptions; Jackson
      // usually wraps them, but not on every path
      throw YamlProblems.snakeProblem(e, segment);
    }
  }
}
