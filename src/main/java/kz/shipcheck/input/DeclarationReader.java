package kz.shipcheck.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kz.shipcheck.input.YamlNode.MapNode;
import kz.shipcheck.input.YamlNode.Scalar;

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
    List<ReadDocument> out = new ArrayList<>();
    read(source, stdin, out::add);
    return out;
  }

  /**
   * Reads the source and hands its documents to {@code sink} one at a time, in order, each parsed
   * only when the previous one has been handed on: a file of thousands of documents never has them
   * all parsed at once. At least one document is always handed on.
   */
  public void read(Source source, InputStream stdin, Consumer<ReadDocument> sink) {
    String name = source.name();
    if (source.problem() != null) {
      sink.accept(fileProblem(name, "INPUT-UNREADABLE", source.problem()));
      return;
    }
    byte[] bytes;
    try {
      if (source.path() == null) {
        bytes = readLimited(stdin, name);
      } else {
        long size = Files.size(source.path());
        if (size > limits.maxFileBytes()) {
          sink.accept(fileProblem(name, "INPUT-LIMIT", tooLarge(size)));
          return;
        }
        bytes = Files.readAllBytes(source.path());
      }
    } catch (TooLarge e) {
      sink.accept(fileProblem(name, "INPUT-LIMIT", e.getMessage()));
      return;
    } catch (AccessDeniedException e) {
      sink.accept(fileProblem(name, "INPUT-UNREADABLE", "cannot read the file: permission denied"));
      return;
    } catch (NoSuchFileException e) {
      sink.accept(fileProblem(name, "INPUT-UNREADABLE", "the file does not exist (broken link?)"));
      return;
    } catch (IOException e) {
      sink.accept(fileProblem(name, "INPUT-UNREADABLE", "cannot read the file: " + e.getMessage()));
      return;
    }
    readBytes(name, bytes, sink);
  }

  /** Reads in-memory content as if it were a file named {@code name}. */
  public List<ReadDocument> readBytes(String name, byte[] bytes) {
    List<ReadDocument> out = new ArrayList<>();
    readBytes(name, bytes, out::add);
    return out;
  }

  private void readBytes(String name, byte[] bytes, Consumer<ReadDocument> sink) {
    String text;
    try {
      text = decode(bytes);
    } catch (BadEncoding e) {
      sink.accept(
          ReadDocument.invalid(
              name, 1, null, new InputProblem("INPUT-ENCODING", e.getMessage(), "", e.line, e.column)));
      return;
    }
    if (text.indexOf('\0') >= 0) {
      sink.accept(fileProblem(name, "INPUT-BINARY", "binary content (NUL bytes): not a YAML declaration"));
      return;
    }
    List<YamlReader.Segment> segments = YamlReader.split(text);
    text = null; // the segments hold the text now; let it go
    if (segments.isEmpty()) {
      sink.accept(fileProblem(name, "INPUT-EMPTY", "the file holds no declaration"));
      return;
    }
    for (int i = 0; i < segments.size(); i++) {
      if (i == limits.maxDocuments()) {
        YamlReader.Segment s = segments.get(i);
        sink.accept(
            ReadDocument.invalid(
                name,
                i + 1,
                null,
                new InputProblem(
                    "INPUT-LIMIT",
                    (segments.size() - i)
                        + " more documents beyond the limit of "
                        + limits.maxDocuments()
                        + " per file were not checked (--max-documents)",
                    "",
                    s.lineOffset() + 1,
                    1)));
        break;
      }
      YamlReader.Segment segment = segments.set(i, null); // parsed once; not kept
      sink.accept(readDocument(name, i + 1, segment));
    }
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
              "a declaration must be a mapping of id, shipDate, exporter, items, ..., found "
                  + root.kindName(),
              "",
              root.line(),
              root.column()));
    }
    String id = map.get("id") instanceof Scalar s && !s.text().isEmpty() ? s.text() : null;
    SchemaValidator.Outcome checked = SchemaValidator.validate(map, Schema.DECLARATION);
    if (!checked.problems().isEmpty()) {
      return new ReadDocument(name, number, id, null, checked.locations(), checked.problems());
    }
    return new ReadDocument(
        name, number, id, Binder.bind(map, asOf), checked.locations(), List.of());
  }

  private static ReadDocument fileProblem(String name, String rule, String message) {
    return ReadDocument.invalid(name, 1, null, new InputProblem(rule, message, "", 1, 1));
  }

  private String tooLarge(long size) {
    return "the file is "
        + (size / (1024 * 1024))
        + " MB, over the limit of "
        + (limits.maxFileBytes() / (1024 * 1024))
        + " MB (--max-file-mb)";
  }

  private byte[] readLimited(InputStream in, String name) throws IOException, TooLarge {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
    if (bytes.length > limits.maxFileBytes()) {
      throw new TooLarge(tooLarge(bytes.length) + " (standard input)");
    }
    return bytes;
  }

  /** Strict UTF-8, a leading byte-order mark dropped. */
  static String decode(byte[] bytes) throws BadEncoding {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      // find the first bad byte to give its line and column
      CharBuffer out = CharBuffer.allocate(bytes.length);
      ByteBuffer again = ByteBuffer.wrap(bytes, start, bytes.length - start);
      decoder.reset().decode(again, out, true);
      int badOffset = again.position();
      out.flip();
      int line = 1;
      int col = 1;
      for (int i = 0; i < out.length(); i++) {
        if (out.charAt(i) == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      throw new BadEncoding(
          String.format(
              "the file is not UTF-8: byte 0x%02X at offset %d cannot be decoded",
              bytes[badOffset] & 0xff, badOffset),
          line,
          col);
    }
  }

  static final class BadEncoding extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    BadEncoding(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message, null, false, false);
    }
  }
}
