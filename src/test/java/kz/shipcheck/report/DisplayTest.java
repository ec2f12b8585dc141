package kz.shipcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What {@link Display#safe} escapes, and what it leaves as it is. */
class DisplayTest {
  @Test
  void ordinaryTextIsLeftAsItIs() {
    String s = "KZ-CN-2025-000187 пшеница 小麦 Xi'an \\ ok \uD83C\uDF3E";
    assertSame(s, Display.safe(s));
    assertNull(Display.safe(null));
  }

  @Test
  void controlCharactersBecomeVisibleEscapes() {
    assertEquals("a\\rb\\nc\\td", Display.safe("a\rb\nc\td"));
    assertEquals("\\x1b[2K\\x00\\x7f", Display.safe("\u001b[2K\u0000\u007f"));
    // C1: NEL is a line break to some terminals, CSI starts an escape sequence on others
    assertEquals("\\u0085\\u009b", Display.safe("\u0085\u009b"));
  }

  @Test
  void formatCharactersAndSeparatorsBecomeVisibleEscapes() {
    assertEquals("\\u202eliaf", Display.safe("\u202eliaf"));
    assertEquals(
        "\\u200b\\u200e\\u200f\\u2066\\u2069\\ufeff\\u00ad",
        Display.safe("\u200b\u200e\u200f\u2066\u2069\ufeff\u00ad"));
    assertEquals("\\u2028\\u2029", Display.safe("\u2028\u2029"));
    // beyond the BMP (a language tag) and a surrogate without its pair
    assertEquals("x\\U000e0001y", Display.safe("x\uDB40\uDC01y"));
    assertEquals("x\\ud800y", Display.safe("x\uD800y"));
  }

  @Test
  void githubEscapingComposes() {
    String message = Display.safe("pork\n::error::x 100%");
    assertEquals("pork\\n::error::x 100%25", GithubReporter.data(message));
    assertEquals("a%0Ab", GithubReporter.data("a\nb"), "the reporter's own line breaks stay %0A");
  }
}
