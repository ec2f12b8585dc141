package kz.shipcheck.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import kz.shipcheck.input.SchemaValidator;
import kz.shipcheck.report.Catalogue;
import kz.shipcheck.report.Format;
import kz.shipcheck.report.ReportTargets;
import kz.shipcheck.result.FailOn;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The types picocli binds option values to. A value that does not convert is refused at parse time
 * with one line, {@code error: OPTION: reason} and exit 2 ({@link Main#usageMessage}); for an enum
 * the reason lists the values accepted, taken from the enum itself, which is also where help
 * ({@code ${COMPLETION-CANDIDATES}}) and shell completion read them: each list lives once.
 */
final class OptionTypes {
  private OptionTypes() {}

  /** The lower-case name of an enum constant: how every option value of shipcheck is spelt. */
  static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /**
   * An enum option, bound by its constants' labels (case-sensitive, as before they were enums), and
   * the list of those labels for help and completion.
   */
  abstract static class Labels<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;

    Labels(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      for (E e : type.getEnumConstants()) {
        if (label(e).equals(value)) {
          return e;
        }
      }
      throw new TypeConversionException(refusal(value, labels()));
    }

    /** Why {@code value} is refused; a format by default. */
    String refusal(String value, List<String> labels) {
      return "unknown format '" + value + "' (" + String.join(", ", labels) + ")";
    }

    List<String> labels() {
      return Arrays.stream(type.getEnumConstants()).map(OptionTypes::label).toList();
    }

    @Override
    public Iterator<String> iterator() {
      return labels().iterator();
    }
  }

  /** {@code check --format}, and the format of each {@code --report}. */
  static final class ReportFormat extends Labels<Format> {
    ReportFormat() {
      super(Format.class);
    }
  }

  /** {@code rules --format}. */
  static final class CatalogueStyle extends Labels<Catalogue.Style> {
    CatalogueStyle() {
      super(Catalogue.Style.class);
    }
  }

  /** {@code check --fail-on}. */
  static final class FailOnLevel extends Labels<FailOn> {
    FailOnLevel() {
      super(FailOn.class);
    }

    @Override
    String refusal(String value, List<String> labels) {
      return "must be "
          + String.join(", ", labels.subList(0, labels.size() - 1))
          + " or "
          + labels.get(labels.size() - 1)
          + ", found '"
          + value
          + "'";
    }
  }

  /** A date option: yyyy-mm-dd, a day that exists (2025-02-30 is refused, not moved to March). */
  static final class Date implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      LocalDate d = SchemaValidator.parseDate(value);
      if (d == null) {
        throw new TypeConversionException("not a date (yyyy-mm-dd): '" + value + "'");
      }
      return d;
    }
  }

  /** {@code --report FORMAT=FILE}: one further report of the run. */
  static final class ReportTarget implements ITypeConverter<ReportTargets.Spec> {
    @Override
    public ReportTargets.Spec convert(String value) {
      int eq = value.indexOf('=');
      if (eq <= 0 || eq == value.length() - 1) {
        throw new TypeConversionException("expected FORMAT=FILE, found '" + value + "'");
      }
      Format format = new ReportFormat().convert(value.substring(0, eq));
      try {
        return new ReportTargets.Spec(
            format, Path.of(value.substring(eq + 1)), "--report " + value);
      } catch (InvalidPathException e) {
        throw new TypeConversionException("not a file name: '" + value.substring(eq + 1) + "'");
      }
    }
  }
}
