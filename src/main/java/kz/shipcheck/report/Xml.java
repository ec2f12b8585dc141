package kz.shipcheck.report;

/** XML escaping for the JUnit writers; characters XML 1.0 cannot hold are replaced. */
public final class Xml {
  private Xml() {}

  public static String text(String s) {
    return escape(s, false);
  }

  public static String attr(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean attr) {
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
        case '"' -> b.append(attr ? "&quot;" : "\"");
        case '\n' -> b.append(attr ? "&#10;" : "\n");
        case '\t' -> b.append(attr ? "&#9;" : "\t");
        case '\r' -> b.append(attr ? "&#13;" : "\r");
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
