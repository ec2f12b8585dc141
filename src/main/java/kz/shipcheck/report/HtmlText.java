package kz.shipcheck.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The html report's words in the run's language, and the escaping every value goes through. */
final class HtmlText {
  private final Words words;

  HtmlText(Words words) {
    this.words = words;
  }

  Words words() {
    return words;
  }

  /** Text or attribute value made safe for HTML; characters HTML cannot hold are replaced. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '\n', '\t' -> b.append(c);
        case '\r' -> b.append('\n');
        default -> b.append(c < 0x20 || c == 0x7f || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }

  static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A label in the run's language, from name, value pairs, unescaped. */
  String text(String key, Object... nameValuePairs) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      args.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return words.text(key, args);
  }

  /** A label in the run's language, escaped. */
  String label(String key, Object... nameValuePairs) {
    return esc(text(key, nameValuePairs));
  }
}
