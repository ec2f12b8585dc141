package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache that is not used, or an entry that is discarded, costs the run one line on stderr and
 * never its verdict. The cache folder is pointed at with {@code -Dshipcheck.cache.dir}, as the
 * build points every test at its own.
 */
class CacheWarningTest {
  private String before;

  @BeforeEach
  void noCacheFolderFromTheEnvironment() {
    assumeTrue(
        System.getenv("SHIPCHECK_CACHE_DIR") == null, "the environment names the cache folder");
    before = System.getProperty("shipcheck.cache.dir");
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty("shipcheck.cache.dir");
    } else {
      System.setProperty("shipcheck.cache.dir", before);
    }
  }

  private static List<String> cacheLines(Cli.Run run) {
    return run.err().lines().filter(l -> l.contains("cache")).toList();
  }

  @Test
  void aFolderOthersCanWriteIsNotUsed(@TempDir Path dir) throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
    Path open = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    System.setProperty("shipcheck.cache.dir", open.toString());
    Cli.Run run = Cli.run("check", "--rules", "rules", ExitCodesTest.FAILING);
    assertEquals(1, run.code(), run.err());
    assertEquals(
        List.of(
            "warning: not using the compiled-rule-pack cache: "
                + open
                + " is writable by its group or"
                + " others (mode 777; chmod go-w "
                + open
                + ")"),
        cacheLines(run));
    assertTrue(run.err().startsWith("warning: not using"), run.err());
    try (Stream<Path> files = Files.list(open)) {
      assertEquals(0, files.count(), "nothing read or written there");
    }
  }

  // with the pack in its folder: the bundled pack's rules are built into shipcheck, not cached
  @Test
  void aReplacedEntryIsDiscardedWithOneLineAndTheVerdictStands(@TempDir Path cache)
      throws Exception {
    System.setProperty("shipcheck.cache.dir", cache.toString());
    assertEquals(1, Cli.run("check", "--rules", "rules", ExitCodesTest.FAILING).code());
    ByteArrayOutputStream emptyList = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(emptyList)) {
      out.writeObject(new ArrayList<>());
    }
    Path entry;
    try (Stream<Path> files = Files.list(cache)) {
      entry =
          files
              .filter(p -> p.getFileName().toString().startsWith("pack-"))
              .findFirst()
              .orElseThrow();
    }
    Files.write(entry, emptyList.toByteArray());

    Cli.Run run = Cli.run("check", "--rules", "rules", ExitCodesTest.FAILING);
    assertEquals(1, run.code(), run.err());
    assertEquals(
        List.of(
            "warning: discarded the compiled-rule-pack cache entry "
                + entry
                + " (not a shipcheck cache entry) and compiled the rules again"),
        cacheLines(run));

    Cli.Run again = Cli.run("check", "--rules", "rules", ExitCodesTest.FAILING);
    assertEquals(1, again.code(), again.err());
    assertEquals(List.of(), cacheLines(again), "the entry was rewritten good");
  }
}
