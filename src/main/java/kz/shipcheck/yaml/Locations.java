package kz.shipcheck.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each field path of one document starts in its file. A path that is not there (a missing
 * field) resolves to its nearest present parent, as docs/reports.md says.
 */
public final class Locations {
  private final Map<String, long[]> byPath = new HashMap<>();
  private final int rootLine;
  private final int rootColumn;

  public Locations(int rootLine, int rootColumn) {
    this.rootLine = rootLine;
    this.rootColumn = rootColumn;
  }

  /** Records where a path starts; the schema validator calls this as it walks a document. */
  public void put(String path, int line, int column) {
    byPath.put(path, new long[] {line, column});
  }

  /** Line and column of the path, or of its nearest present parent. */
  public int[] find(String path) {
    String p = path;
    while (!p.isEmpty()) {
      long[] at = byPath.get(p);
      if (at != null) {
        return new int[] {(int) at[0], (int) at[1]};
      }
      p = parent(p);
    }
    return new int[] {rootLine, rootColumn};
  }

  /** True when the path itself was written in the document. */
  public boolean has(String path) {
    return byPath.containsKey(path);
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
