package kz.shipcheck.engine;

import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.shipcheck.pack.CertificateType;
import kz.shipcheck.pack.Crossing;
import kz.shipcheck.pack.Decree;
import kz.shipcheck.pack.Form;
import kz.shipcheck.pack.Laboratory;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.Region;

/**
 * The one place where shipcheck's words are made: a pack's templates rendered in one language,
 * falling back to English key by key. Arguments become text here (see {@link Args}): a reference
 * row by its display name in this language ({@code names_<lang>.properties}, else the data file's
 * name), a decimal exactly as the language writes decimals (69.9999 never becomes 70), a date by
 * the language's {@code format.date} pattern, a missing value as {@code none}. Thread-safe.
 */
public final class Text {
  /** The date pattern when the messages give none: ISO, unambiguous in every language. */
  static final String ISO_DATE = "yyyy-MM-dd";

  private final String lang;
  private final ULocale locale;
  private final Map<String, String> templates;
  private final Map<String, String> english;
  private final Map<String, String> names;
  private final Map<String, String> englishNames;
  private final DateTimeFormatter dates;

  Text(
      String lang,
      Map<String, String> templates,
      Map<String, String> english,
      Map<String, String> names,
      Map<String, String> englishNames) {
    this.lang = lang;
    this.locale = new ULocale(lang);
    this.templates = templates;
    this.english = english;
    this.names = names;
    this.englishNames = englishNames;
    String pattern = template("format.date");
    this.dates =
        DateTimeFormatter.ofPattern(
            pattern == null ? ISO_DATE : pattern, Locale.forLanguageTag(lang));
  }

  /** The language's code, {@code en}, {@code ru}, {@code kk} or {@code zh}. */
  public String language() {
    return lang;
  }

  /** Whether this language or English has the key. */
  public boolean has(String key) {
    return template(key) != null;
  }

  /** The template in this language, else in English, else null. */
  private String template(String key) {
    String t = templates.get(key);
    return t != null ? t : english.get(key);
  }

  /** A rule's title: {@code <id>.title}, else the title the rule itself gives. */
  public String title(String ruleId, String fallback) {
    String t = template(ruleId + ".title");
    return t == null ? fallback : format(t, Args.none());
  }

  /**
   * The message with this key, rendered; a key that neither this language nor English has shows as
   * the key with its arguments, so that a gap is visible and never silently empty.
   */
  public String render(String key, Args args) {
    String t = template(key);
    return t == null ? key + " " + args : format(t, args);
  }

  /** The message with this key, rendered, or null when no language has it. */
  public String renderOrNull(String key, Args args) {
    String t = template(key);
    return t == null ? null : format(t, args);
  }

  /** A template parsed once: parsing costs more than formatting, and rules fire per fact. */
  private record Parsed(MessageFormat prototype, Set<String> typed) {}

  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  private String format(String template, Args args) {
    Parsed p =
        parsed.computeIfAbsent(
            template, t -> new Parsed(new MessageFormat(t, locale), typedArguments(t)));
    // a MessageFormat is not safe to share between threads while it formats: each call its copy
    MessageFormat mf = (MessageFormat) p.prototype().clone();
    Set<String> counted = p.typed();
    Map<String, Object> values = new LinkedHashMap<>();
    args.values()
        .forEach(
            (k, v) -> {
              Object x = value(v);
              // a whole number shows as written (45823 days, item 1234) unless the template counts
              // or
              // formats it (plural, {n, number}): then it stays a number, written the language's
              // way
              values.put(k, x instanceof Number n && !counted.contains(k) ? n.toString() : x);
            });
    return mf.format(values);
  }

  /** The names of the arguments a template gives a type: plural, selectordinal, number, …. */
  private static Set<String> typedArguments(String template) {
    MessagePattern mp = new MessagePattern(template);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 1 < mp.countParts(); i++) {
      MessagePattern.Part part = mp.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_START
          && part.getArgType() != MessagePattern.ArgType.NONE
          && part.getArgType() != MessagePattern.ArgType.SELECT) {
        out.add(mp.getSubstring(mp.getPart(i + 1)));
      }
    }
    return out;
  }

  /** An argument as ICU should see it: text, or a whole number (which plural rules can read). */
  private Object value(Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof BigDecimal d) {
      return decimal(d);
    }
    if (v instanceof String || v instanceof Number) {
      return v;
    }
    if (v instanceof LocalDate d) {
      return dates.format(d);
    }
    if (v instanceof Product p) {
      return name("product", p.key(), p.name());
    }
    if (v instanceof Region r) {
      return name("region", r.key(), r.name());
    }
    if (v instanceof Crossing c) {
      return name("crossing", c.key(), c.name());
    }
    if (v instanceof Form f) {
      return name("form", f.key(), f.name());
    }
    if (v instanceof CertificateType c) {
      return name("certificate", c.key(), c.name());
    }
    if (v instanceof Laboratory l) {
      return name("laboratory", l.key(), l.name());
    }
    if (v instanceof Product.Treatment t) {
      return render(
          "phrase.treatment",
          Args.of("core", t.minCoreC(), "humidity", t.minHumidityPct(), "minutes", t.minMinutes()));
    }
    if (v instanceof Decree d) {
      return name("decree", d.key(), d.name());
    }
    if (v instanceof Alternatives a) {
      List<String> parts = a.values().stream().map(x -> a.quoted() ? "'" + x + "'" : x).toList();
      return ListFormatter.getInstance(locale, ListFormatter.Type.OR, ListFormatter.Width.WIDE)
          .format(parts);
    }
    if (v instanceof Phrase p) {
      return render(p.key(), p.args());
    }
    if (v instanceof Collection<?> c) {
      List<String> parts = new ArrayList<>();
      for (Object o : c) {
        parts.add(String.valueOf(value(o)));
      }
      return String.join(", ", parts);
    }
    return v.toString();
  }

  /**
   * A reference row's display name: this language's names file, else English's, else the data's.
   */
  public String name(String kind, String key, String dataName) {
    String n = names.get(kind + "." + key);
    if (n == null) {
      n = englishNames.get(kind + "." + key);
    }
    if (n == null) {
      n = dataName;
    }
    return n == null ? key : n;
  }

  /** A date in this language's pattern. */
  public String date(LocalDate d) {
    return dates.format(d);
  }

  /**
   * An exact decimal as this language writes it: its own decimal separator, no grouping, every
   * digit kept (a limit or a declared value is never rounded in a message).
   */
  public String decimal(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    DecimalFormat f = (DecimalFormat) NumberFormat.getInstance(locale);
    f.setGroupingUsed(false);
    f.setMinimumFractionDigits(0);
    f.setMaximumFractionDigits(Math.max(0, d.stripTrailingZeros().scale()) + 1);
    f.setMaximumIntegerDigits(Integer.MAX_VALUE);
    return f.format(d.stripTrailingZeros());
  }
}
