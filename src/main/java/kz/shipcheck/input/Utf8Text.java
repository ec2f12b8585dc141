package kz.shipcheck.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file's bytes as text: strict UTF-8, and the tell-tales of text that is not (a UTF-16/32
 * byte-order mark, a NUL byte) with where they sit. Apart from {@link DeclarationReader} because it
 * knows nothing of documents or limits: it turns bytes into a string or says exactly why not.
 */
final class Utf8Text {
  private Utf8Text() {}

  /** UTF-16 or UTF-32 named by a byte-order mark, or null: such text is full of NUL bytes. */
  static String wideEncoding(byte[] b) {
    if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    }
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
      return "UTF-32BE";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return "UTF-16LE";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return "UTF-16BE";
    }
    return null;
  }

  static int indexOfNul(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Line and column (1-based, in characters) of a byte offset, the bytes before it read leniently.
   */
  static int[] position(byte[] b, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String before = new String(b, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    return new int[] {line, before.codePointCount(0, before.length()) + 1};
  }

  /**
   * Strict UTF-8, a leading byte-order mark dropped. The bytes are checked through a small buffer
   * and then made a string at once, which the JDK stores as one byte per character when the text is
   * ASCII: a file's text costs its size, not the three times a decoded char buffer costs.
   */
  static String decode(byte[] bytes) throws BadEncoding {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer scratch = CharBuffer.allocate(8192);
    CoderResult result;
    do {
      scratch.clear();
      result = decoder.decode(in, scratch, true);
    } while (result.isOverflow());
    scratch.clear();
    if (!result.isError() && !decoder.flush(scratch).isError()) {
      return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
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
        col,
        bytes[badOffset] & 0xff,
        badOffset);
  }

  static final class BadEncoding extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    final int badByte;
    final int offset;

    BadEncoding(String message, int line, int column, int badByte, int offset) {
      super(message, null, false, false);
      this.badByte = badByte;
      this.offset = offset;
      this.line = line;
      this.column = column;
    }
  }
}
