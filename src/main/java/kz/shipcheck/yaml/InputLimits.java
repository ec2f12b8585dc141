package kz.shipcheck.yaml;

/**
 * Bounds on what one input may cost, so that a hostile or broken file ends as an {@code invalid}
 * result instead of exhausting the batch. Defaults are generous for real declarations (a few KB, a
 * few hundred values); each can be raised on the command line. docs/security.md, "Limits", lists
 * them.
 *
 * @param maxFileBytes a file (or standard input) larger than this is not read
 * @param maxDocuments documents beyond this count in one file end as one invalid result
 * @param maxDepth deepest nesting of mappings and lists in one document
 * @param maxScalarChars longest single value (or key)
 * @param maxValues most values (scalars, mappings and lists) in one document; this bounds the
 *     memory a document's tree, its facts in the rule session and its findings can take
 * @param maxLineChars longest line; SnakeYAML scans a long line in time that grows with the square
 *     of its length (a 12 MB one-line value took 55 s), so long lines are refused first
 */
public record InputLimits(
    long maxFileBytes,
    int maxDocuments,
    int maxDepth,
    int maxScalarChars,
    int maxValues,
    int maxLineChars) {

  public static final int DEFAULT_MAX_FILE_MB = 16;
  public static final int DEFAULT_MAX_DOCUMENTS = 10_000;
  public static final int DEFAULT_MAX_DEPTH = 16;
  public static final int DEFAULT_MAX_SCALAR_CHARS = 64 * 1024;
  public static final int DEFAULT_MAX_VALUES = 10_000;
  public static final int DEFAULT_MAX_LINE_CHARS = 256 * 1024;

  /*
   * The range each limit may be set to on the command line (docs/security.md, "Limits"). The
   * lower ends keep a real declaration readable; the upper ends keep the arithmetic on a limit
   * (one more than it, its megabytes in bytes) inside an int and a file inside one Java array, and
   * the nesting inside a thread's stack.
   */
  public static final int MIN_FILE_MB = 1;
  public static final int MAX_FILE_MB = 2047;
  public static final int MIN_DOCUMENTS = 1;
  public static final int MAX_DOCUMENTS = 1_000_000_000;
  public static final int MIN_DEPTH = 4;
  public static final int MAX_DEPTH = 256;
  public static final int MIN_VALUES = 16;
  public static final int MAX_VALUES = 1_000_000_000;
  public static final int MIN_SCALAR_CHARS = 64;
  public static final int MAX_SCALAR_CHARS = 1_000_000_000;
  public static final int MIN_LINE_CHARS = 80;
  public static final int MAX_LINE_CHARS = 1_000_000_000;

  /** The limits with the default number of values per document and line length. */
  public InputLimits(long maxFileBytes, int maxDocuments, int maxDepth, int maxScalarChars) {
    this(
        maxFileBytes,
        maxDocuments,
        maxDepth,
        maxScalarChars,
        DEFAULT_MAX_VALUES,
        DEFAULT_MAX_LINE_CHARS);
  }

  public static InputLimits defaults() {
    return new InputLimits(
        DEFAULT_MAX_FILE_MB * 1024L * 1024L,
        DEFAULT_MAX_DOCUMENTS,
        DEFAULT_MAX_DEPTH,
        DEFAULT_MAX_SCALAR_CHARS,
        DEFAULT_MAX_VALUES,
        DEFAULT_MAX_LINE_CHARS);
  }
}
