package kz.shipcheck.input;

/**
 * Bounds on what one input may cost, so that a hostile or broken file ends as an {@code invalid}
 * result instead of exhausting the batch. Defaults are generous for real declarations (a few KB).
 *
 * @param maxFileBytes a file larger than this is not read
 * @param maxDocuments documents beyond this count in one file end as one invalid result
 * @param maxDepth deepest nesting of mappings and lists in one document
 * @param maxScalarChars longest single value
 */
public record InputLimits(long maxFileBytes, int maxDocuments, int maxDepth, int maxScalarChars) {

  public static final int DEFAULT_MAX_FILE_MB = 16;
  public static final int DEFAULT_MAX_DOCUMENTS = 10_000;
  public static final int DEFAULT_MAX_DEPTH = 16;
  public static final int DEFAULT_MAX_SCALAR_CHARS = 64 * 1024;

  public static InputLimits defaults() {
    return new InputLimits(
        DEFAULT_MAX_FILE_MB * 1024L * 1024L,
        DEFAULT_MAX_DOCUMENTS,
        DEFAULT_MAX_DEPTH,
        DEFAULT_MAX_SCALAR_CHARS);
  }
}
