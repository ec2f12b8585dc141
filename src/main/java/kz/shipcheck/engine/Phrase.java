package kz.shipcheck.engine;

/**
 * A piece of a message with its own template, e.g. a period ({@code phrase.period}), passed as an
 * argument of another message and rendered in the same language.
 *
 * @param key the template's key in the messages files
 */
public record Phrase(String key, Args args) {
  public static Phrase of(String key, Args args) {
    return new Phrase(key, args);
  }

  public static Phrase of(String key, Object... nameValuePairs) {
    return new Phrase(key, Args.of(nameValuePairs));
  }
}
