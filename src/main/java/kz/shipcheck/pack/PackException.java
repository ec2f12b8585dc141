package kz.shipcheck.pack;

/**
 * The rule pack, its data, the register or the waivers file cannot be loaded. The CLI prints it as
 * {@code error: file:line:col: reason} and exits 3.
 */
public final class PackException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  /**
   * @param line 1-based, or 0 when unknown
   * @param column 1-based, or 0 when unknown
   */
  public PackException(String file, int line, int column, String reason) {
    super(reason, null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** {@code file:line:col: reason}, leaving out what is unknown. */
  public String located() {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line);
      if (column > 0) {
        b.append(':').append(column);
      }
    }
    return b.append(": ").append(getMessage()).toString();
  }
}
