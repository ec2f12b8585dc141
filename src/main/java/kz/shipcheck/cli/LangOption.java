package kz.shipcheck.cli;

import kz.shipcheck.engine.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --lang}: the language of every word a command prints (messages, hints, titles, summary),
 * else {@code $SHIPCHECK_LANG}, else English. Never the system locale: a report must not change
 * language because the machine that ran it was set up in another country.
 */
final class LangOption {
  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description =
          "language of messages, hints and titles: en, ru, kk or zh (default en; also $SHIPCHECK_LANG)")
  String lang;

  /** The chosen language; an unknown one is a usage error listing the four. */
  String language() {
    return resolve(lang, System.getenv("SHIPCHECK_LANG"));
  }

  static String resolve(String option, String env) {
    if (option != null) {
      return check(option, "--lang");
    }
    if (env != null && !env.isBlank()) {
      return check(env.trim(), "SHIPCHECK_LANG");
    }
    return Messages.ENGLISH;
  }

  private static String check(String value, String from) {
    if (!Messages.LANGUAGES.contains(value)) {
      throw new UsageException(
          from
              + ": unknown language '"
              + value
              + "' ("
              + String.join(", ", Messages.LANGUAGES)
              + ")");
    }
    return value;
  }

  /**
   * The language of the command this spec describes: its {@code --lang} mixin, or English without
   * one.
   */
  static String of(CommandSpec command) {
    for (Object mixin : command.mixins().values().stream().map(CommandSpec::userObject).toList()) {
      if (mixin instanceof LangOption l) {
        return l.language();
      }
    }
    return resolve(null, System.getenv("SHIPCHECK_LANG"));
  }
}
