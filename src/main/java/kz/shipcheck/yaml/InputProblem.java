package kz.shipcheck.yaml;

/**
 * Why a document cannot be read as a declaration, and where. Thrown by the YAML reader and turned
 * into an {@code invalid} result by the declaration reader (input); never escapes to the user as a
 * stack trace.
 */
public final class InputProblem extends Exception {
  private static final long serialVersionUID = 1L;

  private final String rule;
  private final String path;
  private final int line;
  private final int column;

  public InputProblem(String rule, String message, String path, int line, int column) {
    super(message, null, false, false);
    this.rule = rule;
    this.path = path;
    this.line = line;
    this.column = column;
  }

  public String rule() {
    return rule;
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
