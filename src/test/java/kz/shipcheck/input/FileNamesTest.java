package kz.shipcheck.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a file name's bytes are shown when they are not all UTF-8. */
class FileNamesTest {
  static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void utf8IsShownAsItsTextAndEveryOtherByteAsHex() {
    assertEquals(
        "декларация.yaml", FileNames.decode("декларация.yaml".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "bad\\xff.yaml", FileNames.decode(bytes('b', 'a', 'd', 0xff, '.', 'y', 'a', 'm', 'l')));
    // a Latin-1 name, a sequence cut short, a lone continuation byte, an overlong slash
    assertEquals("K\\xf6stanay", FileNames.decode(bytes('K', 0xf6, 's', 't', 'a', 'n', 'a', 'y')));
    assertEquals("\\xe2\\x82x", FileNames.decode(bytes(0xe2, 0x82, 'x')));
    assertEquals("a\\x80b", FileNames.decode(bytes('a', 0x80, 'b')));
    assertEquals("\\xc0\\xaf", FileNames.decode(bytes(0xc0, 0xaf)));
  }
}
