package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloads {@code mvn package} makes, used as a person without a JDK would: unpacked anywhere,
 * run with no {@code JAVA_HOME} and a {@code java} on the PATH that must not be used.
 */
class DistributionIT {
  static final Path TARGET =
      Path.of(System.getProperty("shipcheck.jar", "target/shipcheck.jar"))
          .toAbsolutePath()
          .getParent();

  @TempDir Path dir;

  static Path one(String glob) throws Exception {
    try (Stream<Path> s = Files.list(TARGET)) {
      List<Path> found =
          s.filter(
                  p ->
                      TARGET
                          .getFileSystem()
                          .getPathMatcher("glob:" + glob)
                          .matches(p.getFileName()))
              .toList();
      assertEquals(1, found.size(), glob + " in " + TARGET + ": " + found);
      return found.get(0);
    }
  }

  record Run(int code, String out) {}

  Run run(List<String> command) throws Exception {
    return run(command, Map.of());
  }

  Run run(List<String> command, Map<String, String> env) throws Exception {
    // a java that fails loudly comes first on the PATH: the bundled runtime must be the one used
    Path fake = Files.createDirectories(dir.resolve("fake-bin"));
    Path java = fake.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'the system java was used' >&2\nexit 97\n");
    java.toFile().setExecutable(true);
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("PATH", fake + ":/usr/bin:/bin");
    pb.environment().put("SHIPCHECK_CACHE_DIR", dir.resolve("cache").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "did not finish"); // a hang guard only
    return new Run(p.exitValue(), out);
  }

  Path unpack(String into) throws Exception {
    Path tarball = one("shipcheck-*-linux-*.tar.gz");
    Path home = Files.createDirectories(dir.resolve(into));
    Run untar = run(List.of("tar", "-C", home.toString(), "-xzf", tarball.toString()));
    assertEquals(0, untar.code(), untar.out());
    Path top;
    try (Stream<Path> s = Files.list(home)) {
      top = s.findFirst().orElseThrow();
    }
    assertTrue(Files.isExecutable(top.resolve("runtime/bin/java")), "a runtime is bundled");
    // a class list, not an archive: a static archive is bound to the path it was dumped at
    assertTrue(Files.isRegularFile(top.resolve("lib/shipcheck.classlist")), "with its class list");
    assertFalse(Files.exists(top.resolve("lib/shipcheck.jsa")), "and no archive made elsewhere");
    return top;
  }

  static final Path EXAMPLE = Path.of("shipments/beef-frozen-pass.yaml").toAbsolutePath();

  /** The first check passes without an archive and leaves one being made in the background. */
  Path checkThenAwaitArchive(List<String> launcher, Path cds, Map<String, String> env)
      throws Exception {
    Run one = run(concat(launcher, "check", EXAMPLE.toString()), env);
    assertEquals(0, one.code(), one.out());
    assertTrue(one.out().contains("1 declaration: 1 passed"), one.out());
    Path jsa = null;
    for (int i = 0; i < 240 && jsa == null; i++) { // a hang guard, not a timing assertion
      try (Stream<Path> s = Files.list(cds)) {
        jsa =
            s.filter(p -> p.toString().endsWith(".jsa") && Files.exists(Path.of(p + ".stamp")))
                .findFirst()
                .orElse(null);
      }
      if (jsa == null) Thread.sleep(500);
    }
    assertTrue(jsa != null, "an archive and its stamp in " + cds);
    // -Xshare:on alone would pass on the runtime's own archive: the class-loading log tells where
    // shipcheck's classes came from (the folder is open to all: some runs are nobody's)
    Path logs = Files.createTempDirectory(dir, "logs");
    Files.setPosixFilePermissions(
        logs, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    Path classLog = logs.resolve("class-load.log");
    Map<String, String> on = new HashMap<>(env);
    on.put("SHIPCHECK_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + classLog);
    Run shared = run(concat(launcher, "check", EXAMPLE.toString()), on);
    assertEquals(0, shared.code(), shared.out());
    assertTrue(shared.out().contains("1 declaration: 1 passed"), shared.out());
    assertTrue(
        Files.readAllLines(classLog).stream()
            .anyMatch(l -> l.matches(".* kz\\.shipcheck\\.\\S+ source: shared objects file")),
        "shipcheck's classes from the archive " + jsa);
    return jsa;
  }

  static List<String> concat(List<String> a, String... b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(b));
    return all;
  }

  /**
   * A folder for a PATH with only the tools the launcher and its archive dump use, and no java: no
   * setsid, nohup or nice either, which a stripped container may lack.
   */
  Path launcherTools() throws Exception {
    Path tools = Files.createDirectories(dir.resolve("tools"));
    for (String t :
        List.of(
            "bash",
            "dirname",
            "basename",
            "readlink",
            "cat",
            "stat",
            "cksum",
            "cut",
            "mkdir",
            "find",
            "env",
            "sleep",
            "mv",
            "rm")) {
      Path real = Path.of("/usr/bin", t);
      if (!Files.exists(real)) real = Path.of("/bin", t);
      if (!Files.exists(tools.resolve(t))) Files.createSymbolicLink(tools.resolve(t), real);
    }
    return tools;
  }

  @Test
  void theTarballRunsWithItsOwnRuntimeFromAnywhereAndThroughALink() throws Exception {
    Path top = unpack("opt");
    Path launcher = top.resolve("bin/shipcheck");
    // no java on the PATH at all, and the archive is made even without setsid, nohup and nice
    Path jsa =
        checkThenAwaitArchive(
            List.of(launcher.toString()),
            top.resolve("lib"),
            Map.of("PATH", launcherTools().toString()));
    assertEquals(top.resolve("lib/shipcheck.jsa"), jsa);

    Run folder =
        run(
            List.of(
                launcher.toString(),
                "check",
                "--quiet",
                Path.of("shipments").toAbsolutePath().toString()));
    assertEquals(1, folder.code(), folder.out());

    Path bin = Files.createDirectories(dir.resolve("local-bin"));
    Path link = Files.createSymbolicLink(bin.resolve("shipcheck"), launcher);
    Run linked = run(List.of(link.toString(), "check", EXAMPLE.toString()));
    assertEquals(0, linked.code(), linked.out());

    Run completion = run(List.of(link.toString(), "completion", "bash"));
    assertEquals(0, completion.code(), completion.out());
    assertTrue(completion.out().contains("complete -F _complete_shipcheck"), completion.out());
  }

  /** A PATH of {@link #launcherTools} and a getconf that answers {@code answer} (or fails). */
  Path toolsWithGetconf(String name, String answer) throws Exception {
    Path tools = Files.createDirectories(dir.resolve(name));
    try (var links = Files.newDirectoryStream(launcherTools())) {
      for (Path t : links) {
        Files.createSymbolicLink(tools.resolve(t.getFileName()), Files.readSymbolicLink(t));
      }
    }
    Path getconf = tools.resolve("getconf");
    Files.writeString(
        getconf,
        answer == null
            ? "#!/bin/sh\necho \"getconf: Unrecognized variable '$1'\" >&2\nexit 1\n"
            : "#!/bin/sh\n[ \"$1\" = GNU_LIBC_VERSION ] && echo '" + answer + "'\n");
    getconf.toFile().setExecutable(true);
    return tools;
  }

  /**
   * The runtime's java needs the glibc of the JDK it was cut from (2.34 for Debian 12's): on an
   * older one (Debian 11, Ubuntu 20.04) the loader would refuse it with status 1, which reads as a
   * failed declaration. There the launcher runs on the system's Java 17 instead; without one it
   * says why, with status 2; the same for a system with no glibc at all (musl).
   */
  @Test
  void onAnOlderGlibcTheTarballRunsOnTheSystemJavaOrSaysWhy() throws Exception {
    Path top = unpack("old-glibc");
    String needed = Files.readString(top.resolve("runtime/shipcheck-glibc")).strip();
    assertTrue(needed.matches("2\\.\\d+"), needed);
    String launcher = top.resolve("bin/shipcheck").toString();
    Path old = toolsWithGetconf("glibc-2.4", "glibc 2.4"); // 2.4 < 2.34: numbers, not text
    Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();

    Run onSystemJava =
        run(
            List.of(launcher, "check", EXAMPLE.toString()),
            Map.of(
                "PATH",
                old.toString(),
                "JAVA_HOME",
                javaHome.toString(),
                "SHIPCHECK_CDS",
                "off",
                "SHIPCHECK_JAVA_OPTS",
                "-XshowSettings:properties"));
    assertEquals(0, onSystemJava.code(), onSystemJava.out());
    assertTrue(onSystemJava.out().contains("1 declaration: 1 passed"), onSystemJava.out());
    assertTrue(onSystemJava.out().contains("java.home = " + javaHome + "\n"), onSystemJava.out());

    Run noJava =
        run(List.of(launcher, "check", EXAMPLE.toString()), Map.of("PATH", old.toString()));
    assertEquals(2, noJava.code(), noJava.out());
    assertEquals(
        "shipcheck: the bundled Java runtime needs glibc "
            + needed
            + " or newer, and this system has glibc 2.4: install Java 17 or newer, or set"
            + " JAVA_HOME, and shipcheck runs on that Java instead\n",
        noJava.out());

    Path musl = toolsWithGetconf("musl", null);
    Run noGlibc =
        run(List.of(launcher, "check", EXAMPLE.toString()), Map.of("PATH", musl.toString()));
    assertEquals(2, noGlibc.code(), noGlibc.out());
    assertTrue(noGlibc.out().contains("and this system has no glibc: install"), noGlibc.out());

    // a newer glibc than the runtime's: the runtime, not the system's Java (a failing java is
    // first on the PATH), and the archive for it goes beside the jar
    Path newer = toolsWithGetconf("glibc-2.100", "glibc 2.100");
    Run onRuntime =
        run(
            List.of(launcher, "check", EXAMPLE.toString()),
            Map.of(
                "PATH",
                dir.resolve("fake-bin") + ":" + newer,
                "SHIPCHECK_CDS",
                "off",
                "SHIPCHECK_JAVA_OPTS",
                "-XshowSettings:properties"));
    assertEquals(0, onRuntime.code(), onRuntime.out());
    assertTrue(
        onRuntime.out().contains("java.home = " + top.resolve("runtime").toRealPath() + "\n"),
        onRuntime.out());
  }

  /**
   * JDK 17 serves a jar's classes from a class-data archive only when the jar's file: URL needs no
   * %-escape: unpacked into a folder such as "Мои программы" (a space, Cyrillic letters) it mapped
   * the archive and read all of shipcheck from the jar all the same. There the launcher makes the
   * archive in the user's cache for a hard link to the jar beside it, and runs through that link.
   * Made in a shell from octal escapes, as {@code FileNamesIT} makes its names: this JVM may not
   * decode such a name.
   */
  @Test
  void inAFolderWithASpaceAndCyrillicLettersTheArchiveServesALinkInTheCache() throws Exception {
    Path tarball = one("shipcheck-*-linux-*.tar.gz");
    Path cache = Files.createDirectories(dir.resolve("xdg-odd"));
    Path classLog = dir.resolve("odd-class-load.log");
    String script =
        String.join(
            "\n",
            "set -eu",
            "odd=\"$(printf '\\320\\234\\320\\276\\320\\270 "
                + "\\320\\277\\321\\200\\320\\276\\320\\263\\321\\200\\320\\260"
                + "\\320\\274\\320\\274\\321\\213')\"",
            "mkdir \"$odd\" && tar -C \"$odd\" -xzf \"$1\"",
            "for l in \"$PWD/$odd\"/shipcheck-*/bin/shipcheck; do launcher=\"$l\"; done",
            "\"$launcher\" check \"$2\"",
            "cds=\"$XDG_CACHE_HOME/shipcheck/cds\"",
            "for i in $(seq 600); do", // a hang guard of five minutes, not a timing assertion
            "  if ls \"$cds\"/*.jsa.stamp > /dev/null 2>&1 &&"
                + " ! ls -d \"$cds\"/*.lock > /dev/null 2>&1; then break; fi",
            "  sleep 0.5",
            "done",
            "SHIPCHECK_JAVA_OPTS=\"-Xshare:on -Xlog:class+load=info:file=$3\" \"$launcher\" check"
                + " \"$2\"",
            "echo \"cache: $(cd \"$XDG_CACHE_HOME\"/shipcheck/cds && ls | sed 's/^[0-9]*//' | sort"
                + " | tr '\\n' ' ')\"",
            "echo \"lib: $(ls \"$PWD/$odd\"/shipcheck-*/lib | tr '\\n' ' ')\"",
            "echo \"links: $(stat -c %h \"$XDG_CACHE_HOME\"/shipcheck/cds/*.jar)\"");
    Run r =
        run(
            List.of(
                "bash",
                "-c",
                script,
                "bash",
                tarball.toString(),
                EXAMPLE.toString(),
                classLog.toString()),
            Map.of("XDG_CACHE_HOME", cache.toString()));
    assertEquals(0, r.code(), r.out());
    assertEquals(2, r.out().split("1 declaration: 1 passed", -1).length - 1, r.out());
    assertTrue(r.out().contains("cache: .jar .jsa .jsa.stamp \n"), r.out());
    assertTrue(r.out().contains("lib: shipcheck.classlist shipcheck.jar \n"), r.out());
    assertTrue(r.out().contains("links: 2\n"), "a hard link, not a copy: " + r.out());
    assertTrue(
        Files.readAllLines(classLog).stream()
            .anyMatch(l -> l.matches(".* kz\\.shipcheck\\.\\S+ source: shared objects file")),
        "shipcheck's classes from the archive");
  }

  /**
   * A Java older than 17 would stop at the jar's first class with status 1 and an
   * UnsupportedClassVersionError: its release file tells the launcher first, which says so.
   */
  @Test
  void theZipOnAnOlderJavaSaysWhatToInstall() throws Exception {
    Path top = unzip("oldjava");
    for (String version : List.of("11.0.24", "1.8.0_392")) {
      Path home = Files.createDirectories(dir.resolve("jdk-" + version).resolve("bin"));
      Path java = home.resolve("java");
      Files.writeString(java, "#!/bin/sh\necho 'the old java was run' >&2\nexit 97\n");
      java.toFile().setExecutable(true);
      Files.writeString(
          home.resolveSibling("release"),
          "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nLIBC=\"gnu\"\n");
      Run old =
          run(
              List.of(top.resolve("bin/shipcheck").toString(), "check", EXAMPLE.toString()),
              Map.of("JAVA_HOME", home.getParent().toString()));
      assertEquals(2, old.code(), old.out());
      assertEquals(
          "shipcheck: needs Java 17 or newer, and the Java at "
              + java.toRealPath()
              + " is "
              + version
              + ": install Java 17 or newer, or set JAVA_HOME to one\n",
          old.out());
    }
  }

  /**
   * SHIPCHECK_CDS=now, as the GitHub Action's build step runs it before caching the download: the
   * archive is there, whole, when it returns; and the next check maps it (the class-load log shows
   * shipcheck's own classes from it) and starts no dump of its own.
   */
  @Test
  void cdsNowMakesTheArchiveBeforeItReturns() throws Exception {
    Path top = unpack("now");
    Path lib = top.resolve("lib");
    List<String> launcher = List.of(top.resolve("bin/shipcheck").toString());
    Run now = run(launcher, Map.of("SHIPCHECK_CDS", "now"));
    assertEquals(0, now.code(), now.out());
    assertEquals("", now.out());
    List<String> made =
        List.of("shipcheck.classlist", "shipcheck.jar", "shipcheck.jsa", "shipcheck.jsa.stamp");
    try (Stream<Path> s = Files.list(lib)) {
      assertEquals(made, s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    String stamp = Files.readString(lib.resolve("shipcheck.jsa.stamp"));
    assertTrue(stamp.startsWith(lib.toRealPath().resolve("shipcheck.jar") + " "), stamp);
    var madeAt = Files.getLastModifiedTime(lib.resolve("shipcheck.jsa"));

    Path classLog = dir.resolve("class-load.log");
    Run shared =
        run(
            concat(launcher, "check", EXAMPLE.toString()),
            Map.of("SHIPCHECK_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + classLog));
    assertEquals(0, shared.code(), shared.out());
    assertTrue(shared.out().contains("1 declaration: 1 passed"), shared.out());
    assertTrue(
        Files.readAllLines(classLog).stream()
            .anyMatch(l -> l.matches(".* kz\\.shipcheck\\.\\S+ source: shared objects file")),
        "shipcheck's classes from the archive");

    // made already: nothing to do; arguments: a usage error
    Run again = run(launcher, Map.of("SHIPCHECK_CDS", "now"));
    assertEquals(0, again.code(), again.out());
    assertEquals(madeAt, Files.getLastModifiedTime(lib.resolve("shipcheck.jsa")));
    Run withArgs =
        run(concat(launcher, "check", EXAMPLE.toString()), Map.of("SHIPCHECK_CDS", "now"));
    assertEquals(2, withArgs.code(), withArgs.out());
    assertTrue(withArgs.out().contains("SHIPCHECK_CDS=now"), withArgs.out());
    try (Stream<Path> s = Files.list(lib)) {
      assertEquals(made, s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aReadOnlyLibKeepsTheArchiveInTheUsersCache() throws Exception {
    Path top = unpack("ro");
    Path lib = top.resolve("lib");
    Path cache = dir.resolve("xdg");
    Files.createDirectories(cache);
    lib.toFile().setWritable(false, false);
    List<String> launcher = List.of(top.resolve("bin/shipcheck").toString());
    if (Files.isWritable(lib)) { // root writes anyway: run as nobody, who may not
      assumeTrue(
          Files.isExecutable(Path.of("/usr/bin/setpriv")), "root, and no setpriv to drop it");
      launcher =
          List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", launcher.get(0));
      for (Path p : List.of(dir, cache)) p.toFile().setExecutable(true, false);
      Files.setPosixFilePermissions(
          cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    Map<String, String> env =
        Map.of(
            "XDG_CACHE_HOME",
            cache.toString(),
            "HOME",
            dir.resolve("nohome").toString(),
            "SHIPCHECK_CACHE_DIR",
            cache.resolve("packs").toString());
    try {
      Path jsa = checkThenAwaitArchive(launcher, cache.resolve("shipcheck/cds"), env);
      assertTrue(
          Files.readString(Path.of(jsa + ".stamp"))
              .startsWith(lib.toRealPath().resolve("shipcheck.jar") + " "));
      try (Stream<Path> s = Files.list(lib)) {
        assertEquals(
            List.of("shipcheck.classlist", "shipcheck.jar"),
            s.map(p -> p.getFileName().toString()).sorted().toList());
      }
    } finally {
      lib.toFile().setWritable(true, true); // for @TempDir's clean-up
    }
  }

  @Test
  void cdsOffMakesNoArchive() throws Exception {
    Path top = unpack("off");
    Run one =
        run(
            List.of(top.resolve("bin/shipcheck").toString(), "check", EXAMPLE.toString()),
            Map.of("SHIPCHECK_CDS", "off"));
    assertEquals(0, one.code(), one.out());
    // a dump is started before the check and waits for it to end, then takes seconds: were one
    // started, it would still be running now, its command line naming the launcher
    String launcher = top.resolve("bin/shipcheck").toString();
    assertEquals(
        List.of(),
        ProcessHandle.allProcesses()
            .map(h -> h.info().commandLine().orElse(""))
            .filter(c -> c.contains(launcher))
            .toList(),
        "no archive being made");
    try (Stream<Path> s = Files.list(top.resolve("lib"))) {
      assertEquals(
          List.of("shipcheck.classlist", "shipcheck.jar"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  /** The zip, unpacked into {@code into}: its top folder. */
  Path unzip(String into) throws Exception {
    Path zip = one("shipcheck-*[0-9].zip");
    Path home = Files.createDirectories(dir.resolve(into));
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (var e : java.util.Collections.list(z.entries())) {
        Path to = home.resolve(e.getName()).normalize();
        assertTrue(to.startsWith(home), e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          try (var in = z.getInputStream(e)) {
            Files.copy(in, to);
          }
        }
      }
    }
    Path top;
    try (Stream<Path> s = Files.list(home)) {
      top = s.findFirst().orElseThrow();
    }
    // what unzip does from the zip's permissions, which ZipFile does not read
    top.resolve("bin/shipcheck").toFile().setExecutable(true);
    return top;
  }

  @Test
  void theZipRunsOnTheSystemJavaAndMakesItsArchiveInTheUsersCache() throws Exception {
    Path top = unzip("zip");
    assertFalse(Files.exists(top.resolve("runtime")), "no runtime in the zip");
    assertTrue(Files.isRegularFile(top.resolve("lib/shipcheck.classlist")), "its class list");
    Path cache = Files.createDirectories(dir.resolve("xdg-zip"));
    Path javaHome = Path.of(System.getProperty("java.home"));
    Map<String, String> env =
        Map.of("JAVA_HOME", javaHome.toString(), "XDG_CACHE_HOME", cache.toString());
    Path jsa =
        checkThenAwaitArchive(
            List.of(top.resolve("bin/shipcheck").toString()), cache.resolve("shipcheck/cds"), env);
    // made for this jar and this Java: another Java gets an archive of its own
    String stamp = Files.readString(Path.of(jsa + ".stamp"));
    assertTrue(stamp.startsWith(top.resolve("lib").toRealPath().resolve("shipcheck.jar") + " "));
    assertTrue(stamp.contains(" " + javaHome.toRealPath().resolve("lib/modules") + " "), stamp);
    try (Stream<Path> s = Files.list(top.resolve("lib"))) {
      assertEquals(
          List.of("shipcheck.classlist", "shipcheck.jar"),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          "nothing of one Java's beside the jar every Java reads");
    }
  }

  /** The sums file names both downloads with their SHA-256, as {@code sha256sum -c} reads it. */
  @Test
  void theChecksumsFileMatchesBothDownloads() throws Exception {
    Path sums = one("shipcheck-*.sha256");
    Map<String, String> listed = new HashMap<>();
    for (String line : Files.readAllLines(sums)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("([0-9a-f]{64}) [ *](\\S+)").matcher(line);
      assertTrue(m.matches(), "a sha256sum line: " + line);
      listed.put(m.group(2), m.group(1));
    }
    Path tarball = one("shipcheck-*-linux-*.tar.gz");
    Path zip = one("shipcheck-*.zip");
    assertEquals(
        java.util.Set.of(tarball.getFileName().toString(), zip.getFileName().toString()),
        listed.keySet());
    for (Path f : List.of(tarball, zip)) {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      try (java.io.InputStream in = Files.newInputStream(f)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
      }
      assertEquals(
          java.util.HexFormat.of().formatHex(sha.digest()),
          listed.get(f.getFileName().toString()),
          f.toString());
    }
    Run check =
        run(
            List.of(
                "bash",
                "-c",
                "cd \"$0\" && sha256sum -c \"$1\"",
                TARGET.toString(),
                sums.getFileName().toString()));
    assertEquals(0, check.code(), check.out());
  }

  @Test
  void theZipWithoutAnyJavaSaysWhatToInstall() throws Exception {
    Path top = unzip("nojava");
    Path tools = launcherTools();
    ProcessBuilder pb =
        new ProcessBuilder(top.resolve("bin/shipcheck").toString(), "check", EXAMPLE.toString())
            .redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("PATH", tools.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "did not finish"); // a hang guard only
    assertEquals(2, p.exitValue(), out);
    assertTrue(
        out.contains("shipcheck: no Java found: install Java 17 or newer, or set JAVA_HOME"), out);
  }
}
