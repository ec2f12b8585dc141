package kz.shipcheck.pack;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.shipcheck.yaml.Dates;

/**
 * The establishment register (docs/register-format.md): a CSV with exactly the header {@code
 * registration,name,bin,region,products,listedOn,status,statusSince}, held in a hash map so that a
 * look-up costs the same for 2,600 rows or 100,000.
 */
public final class Register {
  public static final String HEADER =
      "registration,name,bin,region,products,listedOn,status,statusSince";
  private static final Set<String> STATUSES = Set.of("active", "suspended", "withdrawn");

  private final Map<String, RegisterEntry> byRegistration;
  private final String source;

  private Register(Map<String, RegisterEntry> byRegistration, String source) {
    this.byRegistration = byRegistration;
    this.source = source;
  }

  /** The row for a registration number, or null. */
  public RegisterEntry find(String registration) {
    return registration == null ? null : byRegistration.get(registration.trim());
  }

  public int size() {
    return byRegistration.size();
  }

  /** Every row, in file order. */
  public List<RegisterEntry> entries() {
    List<RegisterEntry> out = new ArrayList<>(byRegistration.values());
    out.sort(java.util.Comparator.comparingInt(RegisterEntry::line));
    return out;
  }

  /**
   * The most rows a register may have: 1,000,000, or the system property
   * shipcheck.register.maxRows.
   */
  static int maxRows() {
    return Integer.getInteger("shipcheck.register.maxRows", 1_000_000);
  }

  /** Where the register came from, for messages: the file name. */
  public String source() {
    return source;
  }

  /**
   * Parses the CSV. Quoted fields may hold commas, doubled quotes and line breaks.
   *
   * @param regionKeys known region keys; a row naming another region is refused
   */
  public static Register parse(String display, byte[] bytes, Set<String> regionKeys)
      throws PackException {
    int limit = maxRows();
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n' && ++lines > limit + 1) {
        // counted before anything is decoded: a register is held whole, at about 1.5 KB of heap a
        // row while it loads (docs/security.md), so a runaway file is refused, not run out of
        // memory on
        throw new PackException(
            display,
            limit + 2,
            1,
            String.format(
                java.util.Locale.ROOT,
                "the register has more than %,d rows, the most shipcheck reads (about 1.5 KB of memory a row"
                    + " while it loads); GACC's register has about 2,600",
                limit));
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new PackException(display, 0, 0, "the register is not UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<Cell>> rows = Csv.parse(display, text);
    if (rows.isEmpty()
        || !String.join(",", rows.get(0).stream().map(Cell::text).toList()).equals(HEADER)) {
      throw new PackException(display, 1, 1, "the register's header must be exactly: " + HEADER);
    }
    Map<String, RegisterEntry> map = new HashMap<>(rows.size() * 2);
    for (int r = 1; r < rows.size(); r++) {
      List<Cell> row = rows.get(r);
      if (row.size() == 1 && row.get(0).text().isBlank()) {
        continue;
      }
      Cell first = row.get(0);
      if (row.size() != 8) {
        throw new PackException(
            display, first.line(), 1, "expected 8 fields (" + HEADER + "), found " + row.size());
      }
      String registration = row.get(0).text().trim();
      if (registration.isEmpty()) {
        throw err(display, row.get(0), "the registration number is empty");
      }
      if (map.containsKey(registration)) {
        throw err(
            display,
            row.get(0),
            "duplicate registration '"
                + registration
                + "' (first on line "
                + map.get(registration).line()
                + ")");
      }
      String region = row.get(3).text().trim();
      if (!region.isEmpty() && !regionKeys.contains(region)) {
        throw err(display, row.get(3), "unknown region '" + region + "'");
      }
      Set<String> products = new LinkedHashSet<>();
      for (String p : row.get(4).text().split(";")) {
        if (!p.isBlank()) {
          products.add(p.trim());
        }
      }
      if (products.isEmpty()) {
        throw err(display, row.get(4), "no products listed");
      }
      LocalDate listedOn = date(display, row.get(5), "listedOn");
      String status = row.get(6).text().trim();
      if (!STATUSES.contains(status)) {
        throw err(
            display,
            row.get(6),
            "status must be active, suspended or withdrawn, found '" + status + "'");
      }
      LocalDate since = date(display, row.get(7), "statusSince");
      map.put(
          registration,
          new RegisterEntry(
              registration,
              row.get(1).text().trim(),
              row.get(2).text().trim(),
              region,
              products,
              listedOn,
              status,
              since,
              first.line()));
    }
    return new Register(map, display);
  }

  private static LocalDate date(String display, Cell c, String field) throws PackException {
    LocalDate d = Dates.parse(c.text());
    if (d == null) {
      throw err(
          display, c, field + " must be a date (yyyy-mm-dd) that exists, found '" + c.text() + "'");
    }
    return d;
  }

  private static PackException err(String display, Cell c, String reason) {
    return new PackException(display, c.line(), c.column(), reason);
  }

  /** One CSV field with the line and column where it starts. */
  record Cell(String text, int line, int column) {}

  /** A small RFC 4180 reader that remembers positions. */
  static final class Csv {
    private Csv() {}

    static List<List<Cell>> parse(String display, String s) throws PackException {
      List<List<Cell>> rows = new ArrayList<>();
      List<Cell> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int line = 1;
      int col = 1;
      int fieldLine = 1;
      int fieldCol = 1;
      boolean quoted = false;
      boolean wasQuoted = false;
      int i = 0;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && s.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              col += 2;
              continue;
            }
            quoted = false;
          } else {
            field.append(c);
            if (c == '\n') {
              line++;
              col = 0;
            }
          }
        } else if (c == '"') {
          if (field.length() > 0 || wasQuoted) {
            throw new PackException(display, line, col, "a quote inside an unquoted field");
          }
          quoted = true;
          wasQuoted = true;
        } else if (c == ',') {
          row.add(new Cell(field.toString(), fieldLine, fieldCol));
          field.setLength(0);
          wasQuoted = false;
          fieldLine = line;
          fieldCol = col + 1;
        } else if (c == '\n' || c == '\r') {
          row.add(new Cell(field.toString(), fieldLine, fieldCol));
          rows.add(row);
          row = new ArrayList<>();
          field.setLength(0);
          wasQuoted = false;
          if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
            i++;
          }
          line++;
          col = 0;
          fieldLine = line;
          fieldCol = 1;
        } else {
          if (wasQuoted) {
            throw new PackException(display, line, col, "text after a closing quote");
          }
          field.append(c);
        }
        i++;
        col++;
      }
      if (quoted) {
        throw new PackException(display, fieldLine, fieldCol, "a quoted field is not closed");
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(new Cell(field.toString(), fieldLine, fieldCol));
        rows.add(row);
      }
      return rows;
    }
  }
}
