package kz.shipcheck.pack;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text predicates the rules call: blank values and required wording. */
public final class Texts {
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private Texts() {}

  /** True for null, empty or whitespace-only text. */
  public static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * True when the text contains at least one of the phrases, ignoring case and runs of white space
   * (an additional declaration wrapped over two lines still mentions "dwarf bunt").
   */
  public static boolean mentionsAny(String text, List<String> phrases) {
    if (text == null) {
      return false;
    }
    String t = normalise(text);
    for (String p : phrases) {
      if (!p.isBlank() && t.contains(normalise(p))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the text states freedom from one of the named pests: a freedom phrase ("free from",
   * "free of", "freedom from", "pest free area for", "X-free") governs the name, with no negation
   * before it ("not free from") and nothing between it and the name that could turn it round ("free
   * from weeds but infested with Tilletia controversa"). Mentioning the pest is not enough:
   * "infested with Tilletia controversa" mentions it too. Deliberately strict, since a wording it
   * does not recognise fails with a clear message while a wrong pass would go unseen.
   */
  public static boolean statesFreedomFrom(String text, List<String> pests) {
    if (text == null) {
      return false;
    }
    String t = normalise(text);
    for (String clause : CLAUSES.split(t)) {
      for (String pest : pests) {
        String p = normalise(pest);
        if (!p.isEmpty() && freeFromIn(clause, p)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern CLAUSES = Pattern.compile("[;!?\\n]|\\.(?=\\s|$)");
  private static final Pattern FREEDOM =
      Pattern.compile(
          "\\b(?:free\\s+(?:from|of)|freedom\\s+from|(?:pest[- ]?)?free\\s+(?:area|areas|zone|zones|place|places)\\s+(?:for|of|from))\\b");

  /** Words that undo a freedom phrase standing before it. */
  private static final Pattern NEGATION =
      Pattern.compile(
          "\\b(?:not|no|never|nor|neither|without|cannot|non|un|isn't|aren't|wasn't|weren't|lacks?)\\b|n't\\b");

  /** Words that, between a freedom phrase and the pest's name, may turn the statement round. */
  private static final Pattern TURN =
      Pattern.compile(
          "\\b(?:but|except|excluding|other\\s+than|however|although|though|while|whereas|yet|"
              + "infest\\w*|infect\\w*|contamin\\w*|detect\\w*|found|present|positive|affected|not|no)\\b");

  private static boolean freeFromIn(String clause, String pest) {
    for (int at = clause.indexOf(pest); at >= 0; at = clause.indexOf(pest, at + 1)) {
      String before = clause.substring(0, at);
      java.util.regex.Matcher m = FREEDOM.matcher(before);
      int start = -1;
      int end = -1;
      while (m.find()) {
        start = m.start();
        end = m.end();
      }
      if (start >= 0
          && !TURN.matcher(before.substring(end)).find()
          && !negated(before.substring(0, start))) {
        return true;
      }
      // "Tilletia controversa-free area", "dwarf bunt (TCK) free"
      String after = clause.substring(at + pest.length());
      if (after.matches("^(?:\\s*\\([^)]{1,20}\\))?(?:-|\\s)free\\b.*") && !negated(before)) {
        return true;
      }
    }
    return false;
  }

  /** A negation among the last four words before a freedom phrase. */
  private static boolean negated(String before) {
    String[] words = before.trim().split(" ");
    StringBuilder tail = new StringBuilder();
    for (int i = Math.max(0, words.length - 4); i < words.length; i++) {
      tail.append(words[i]).append(' ');
    }
    return NEGATION.matcher(tail).find();
  }

  private static String normalise(String s) {
    return BLANKS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }
}
