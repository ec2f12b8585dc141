package kz.shipcheck.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules a pack's DRL declares (package, name and {@code @id} of each), read from the source
 * text without compiling it. The compiled-pack cache checks an entry against this list: what the
 * entry says it holds is never the reference. The reading follows DRL's own tokens (comments and
 * string literals are skipped, a function body is skipped by its braces, {@code declare} and {@code
 * query} blocks and a rule's consequence end at the word {@code end}), but it is not the DRL
 * parser: where the two could disagree, the compiled rules do not match the list, and the pack is
 * then compiled on every run instead of cached ({@link PackCache#store}), never read wrongly.
 */
final class DrlRules {
  private DrlRules() {}

  /** One rule as the cache compares rules: package, name and id, separated by NUL. */
  static String signature(String pkg, String name, String id) {
    return pkg + '\0' + name + '\0' + id;
  }

  /** The rules declared in these DRL sources, as {@link #signature}s, sorted. */
  static List<String> of(Map<String, byte[]> drl) {
    List<String> out = new ArrayList<>();
    for (byte[] source : drl.values()) {
      read(new String(source, StandardCharsets.UTF_8), out);
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /** A token: a word (identifier, number, dotted name), a string literal's content, or a symbol. */
  private record Token(String text, boolean string) {
    boolean is(String word) {
      return !string && text.equals(word);
    }
  }

  private static void read(String text, List<String> out) {
    List<Token> tokens = tokens(text);
    String pkg = "";
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t.is("package") && i + 1 < tokens.size()) {
        // a dotted name: word, then '.' and a word as long as they follow
        StringBuilder name = new StringBuilder(tokens.get(i + 1).text);
        i += 2;
        while (i + 1 < tokens.size() && tokens.get(i).is(".") && !tokens.get(i + 1).string) {
          name.append('.').append(tokens.get(i + 1).text);
          i += 2;
        }
        pkg = name.toString();
      } else if (t.is("rule") && i + 1 < tokens.size()) {
        String name = tokens.get(i + 1).text;
        String id = null;
        i += 2;
        // the header: attributes and annotations up to 'when' (or 'then' for a rule without one)
        while (i < tokens.size()
            && !tokens.get(i).is("when")
            && !tokens.get(i).is("then")
            && !tokens.get(i).is("end")) {
          if (tokens.get(i).is("@")
              && i + 4 < tokens.size()
              && tokens.get(i + 1).is("id")
              && tokens.get(i + 2).is("(")
              && tokens.get(i + 4).is(")")
              && id == null) {
            id = tokens.get(i + 3).text;
          }
          i++;
        }
        i = skipTo(tokens, i, "end");
        out.add(signature(pkg, name, id));
      } else if (t.is("declare") || t.is("query")) {
        i = skipTo(tokens, i + 1, "end");
      } else if (t.is("function")) {
        while (i < tokens.size() && !tokens.get(i).is("{")) {
          i++;
        }
        int depth = 0;
        for (; i < tokens.size(); i++) {
          if (tokens.get(i).is("{")) {
            depth++;
          } else if (tokens.get(i).is("}") && --depth == 0) {
            break;
          }
        }
        i++;
      } else {
        i++;
      }
    }
  }

  /** The index just after the next word {@code word}, or the end. */
  private static int skipTo(List<Token> tokens, int i, String word) {
    while (i < tokens.size() && !tokens.get(i).is(word)) {
      i++;
    }
    return i + 1;
  }

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < n && s.charAt(i) != c) {
          if (s.charAt(i) == '\\' && i + 1 < n) {
            b.append(s.charAt(i));
            i++;
          }
          b.append(s.charAt(i));
          i++;
        }
        i++;
        out.add(new Token(b.toString(), true));
      } else if (Character.isJavaIdentifierPart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
          i++;
        }
        out.add(new Token(s.substring(start, i), false));
      } else {
        out.add(new Token(String.valueOf(c), false));
        i++;
      }
    }
    return out;
  }
}
