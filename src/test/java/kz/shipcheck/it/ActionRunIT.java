package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import kz.shipcheck.it.ActionRunner.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code action.yml} run as GitHub's runner runs a composite action ({@link
 * ActionRunner}), on real declarations, in jobs on fresh machines that share one cache: the first
 * job builds and caches the download, a later one restores it and checks with no JDK anywhere.
 */
class ActionRunIT {
  static final Path HOME = Path.of("").toAbsolutePath();
  static final List<String> CACHE_MISS_ONLY =
      List.of(
          "source",
          "cache",
          "Set up a JDK to build it (first run only)",
          "Build the download (first run only)",
          "Save the shipcheck download (first run only)",
          "check");
  static final List<String> CACHE_HIT = List.of("source", "cache", "check");

  @TempDir Path tmp;
  Path actionPath;
  Path mvnCalls;
  Map<String, String> machineEnv;
  ActionRunner runner;

  @BeforeEach
  void machine() throws Exception {
    // The action's checkout, as the runner makes it under _actions/: what the build and its
    // fingerprint read, and no target/. Not the real checkout: the build step writes its target/,
    // and the real target/ already holds the tarball, so a step that skipped the build would pass
    // unnoticed there.
    actionPath = tmp.resolve("_actions/your-org/shipcheck/v1");
    for (String f : List.of("action.yml", "pom.xml", "src/main", "rules")) {
      ActionRunner.copyTree(HOME.resolve(f), actionPath.resolve(f));
    }
    // Maven is not run again from inside this build: the integration tests run after `package`,
    // which made the very tarball `mvn package` in the action's checkout would make. The stand-in
    // checks how it is called and that setup-java's JDK comes first, then puts that tarball where
    // the step looks for it.
    Path tarball = DistributionIT.one("shipcheck-*-linux-*.tar.gz");
    String javaHome = System.getProperty("java.home");
    mvnCalls = tmp.resolve("mvn-calls");
    Path fakeBin = Files.createDirectories(tmp.resolve("fake-bin"));
    Path mvn = fakeBin.resolve("mvn");
    Files.writeString(
        mvn,
        String.join(
            "\n",
            "#!/usr/bin/env bash",
            "set -euo pipefail",
            "echo \"$*\" >> '" + mvnCalls + "'",
            "pom='' package=0",
            "while [ $# -gt 0 ]; do",
            "  case \"$1\" in -f) pom=\"$2\"; shift ;; package) package=1 ;; esac",
            "  shift",
            "done",
            "[ \"$pom\" = \"$GITHUB_ACTION_PATH/pom.xml\" ] || { echo \"mvn: -f '$pom'\" >&2; exit 90; }",
            "[ \"$package\" = 1 ] || { echo 'mvn: no package phase' >&2; exit 91; }",
            "[ \"$(command -v java)\" = '"
                + javaHome
                + "/bin/java' ] && [ \"$JAVA_HOME\" = '"
                + javaHome
                + "' ] || { echo 'mvn: no JDK from setup-java' >&2; exit 92; }",
            "mkdir -p \"$GITHUB_ACTION_PATH/target\"",
            "cp '" + tarball + "' \"$GITHUB_ACTION_PATH/target/\"",
            ""));
    assertTrue(mvn.toFile().setExecutable(true));
    Path system = ActionRunner.systemBinWithoutJava(tmp.resolve("system-bin"));
    Map<String, String> env = new HashMap<>();
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("LANG", "C.UTF-8");
    // as every integration test here: no check depends on how old the pack's data is today
    String age = System.getenv("SHIPCHECK_MAX_DATA_AGE");
    if (age != null) {
      env.put("SHIPCHECK_MAX_DATA_AGE", age);
    }
    machineEnv = env;
    runner =
        new ActionRunner(
            actionPath,
            tmp.resolve("cache-service"),
            tmp.resolve("runner/_temp"),
            List.of(fakeBin.toString(), system.toString()),
            env);
  }

  /** The cache and runner.temp of the jobs that start with the download cached ({@link #warm}). */
  @TempDir static Path shared;

  private static boolean warmed;

  /**
   * A runner whose cache already holds the download: built by one first job for the whole class and
   * restored where that job restored it, so that the archive it holds is the restored download's
   * own. For the tests of what the check step does, which a build before each would only slow down;
   * each asserts that its jobs found the download cached.
   */
  ActionRunner warm() throws Exception {
    ActionRunner r =
        new ActionRunner(
            actionPath,
            shared.resolve("cache-service"),
            shared.resolve("runner/_temp"),
            runner.path,
            machineEnv);
    if (!warmed) {
      Path ws = Files.createDirectories(shared.resolve("warm-up/declarations"));
      Files.copy(HOME.resolve("shipments/beef-frozen-pass.yaml"), ws.resolve("a.yaml"));
      Job cold = r.run(ws.getParent(), Map.of("paths", "declarations"));
      assertTrue(cold.passed(), cold.log());
      assertEquals(CACHE_MISS_ONLY, cold.ran());
      warmed = true;
    }
    return r;
  }

  /** The same machines and cache, in jobs of a workflow that sets these environment variables. */
  ActionRunner withEnv(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(machineEnv);
    env.putAll(more);
    return new ActionRunner(
        runner.actionPath, runner.cacheRoot, runner.runnerTemp, runner.path, env);
  }

  /** The cache entry a job restored or saved: the unpacked download. */
  Path cached(Job job) {
    String key = job.step("cache").outputs().get("cache-primary-key");
    return runner.cacheRoot.resolve(ActionRunner.keyFolder(key));
  }

  /** The files of a folder with their times, to see whether anything was made or replaced. */
  static Map<String, java.nio.file.attribute.FileTime> listing(Path dir) throws Exception {
    Map<String, java.nio.file.attribute.FileTime> files = new java.util.TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        files.put(p.getFileName().toString(), Files.getLastModifiedTime(p));
      }
    }
    return files;
  }

  /** GitHub matches an annotation's file to the repository's files by their paths without ./ */
  static void assertAnnotationFilesRelative(Job job) {
    List<String> annotations =
        job.stdout().lines().filter(l -> l.matches("::\\w+ file=.*")).toList();
    assertFalse(annotations.isEmpty(), job.log());
    for (String a : annotations) {
      assertFalse(a.matches("::\\w+ file=\\./.*"), a);
    }
  }

  /** A fresh checkout of a repository holding these shipments under declarations/. */
  Path workspace(String... shipments) throws Exception {
    Path ws = tmp.resolve("work/repo");
    ActionRunner.deleteTree(ws);
    Path declarations = Files.createDirectories(ws.resolve("declarations"));
    for (String s : shipments) {
      Files.copy(HOME.resolve("shipments").resolve(s), declarations.resolve(s));
    }
    return ws;
  }

  static String[] passing() throws Exception {
    try (Stream<Path> s = Files.list(HOME.resolve("shipments"))) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith("-pass.yaml"))
          .sorted()
          .toArray(String[]::new);
    }
  }

  List<String> mvnCalls() throws Exception {
    return Files.exists(mvnCalls) ? Files.readAllLines(mvnCalls) : List.of();
  }

  static void assertNoJava(Map<String, String> env) throws Exception {
    assertFalse(env.containsKey("JAVA_HOME"), "JAVA_HOME " + env.get("JAVA_HOME"));
    for (String dir : env.get("PATH").split(":")) {
      assertFalse(Files.exists(Path.of(dir, "java")), "a java in " + dir);
    }
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "command -v java");
    pb.environment().clear();
    pb.environment().put("PATH", env.get("PATH"));
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(1, TimeUnit.MINUTES)); // a hang guard only
    assertNotEquals(0, p.exitValue(), "java found: " + out);
  }

  @Test
  void theFirstJobBuildsAndCachesTheDownloadALaterOneChecksWithNoJdk() throws Exception {
    String[] passing = passing();
    String summary =
        "shipcheck: " + passing.length + " declarations: " + passing.length + " passed";
    Map<String, String> with = Map.of("paths", "declarations/");

    Job cold = runner.run(workspace(passing), with);
    assertTrue(cold.passed(), cold.log());
    assertEquals(CACHE_MISS_ONLY, cold.ran());
    assertEquals("false", cold.step("cache").outputs().get("cache-hit"));
    assertEquals(Map.of("exit-code", "0"), cold.outputs());
    assertTrue(cold.stdout().contains(summary), cold.log());
    assertEquals(1, mvnCalls().size());
    assertTrue(mvnCalls().get(0).matches(".*-f \\S+/pom.xml .*package.*"), mvnCalls().toString());
    // the copy of the checkout has the key the real one has
    Process hash =
        new ProcessBuilder("bash", "src/main/sh/action-source-hash", HOME.toString()).start();
    String real = new String(hash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(hash.waitFor(1, TimeUnit.MINUTES));
    assertEquals(real, "hash=" + cold.step("source").outputs().get("hash"));
    // a download holds a runtime for one system and processor: an ARM job of the same workflow
    // must not restore an x86-64 one
    assertEquals(
        "shipcheck-dist-Linux-X64-" + cold.step("source").outputs().get("hash"),
        cold.step("cache").outputs().get("cache-primary-key"));
    // as on GitHub, setup-java's JDK is still on the PATH of the check step of a first run
    String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
    assertTrue(cold.step("check").env().get("PATH").startsWith(javaBin + ":"));
    // the build made the download's class-data archive before the save, for the path the download
    // is restored at: a background dump would have been killed with the job, and not be cached
    Path lib = cached(cold).resolve("lib");
    Map<String, java.nio.file.attribute.FileTime> cachedLib = listing(lib);
    assertEquals(
        List.of("shipcheck.classlist", "shipcheck.jar", "shipcheck.jsa", "shipcheck.jsa.stamp"),
        List.copyOf(cachedLib.keySet()));
    Path restoredJar = tmp.resolve("runner/_temp/shipcheck-dist/lib/shipcheck.jar");
    assertTrue(
        Files.readString(lib.resolve("shipcheck.jsa.stamp")).startsWith(restoredJar + " "),
        Files.readString(lib.resolve("shipcheck.jsa.stamp")));

    // The warm job's check logs where the JVM loaded each class from (a workflow's env reaches the
    // action's steps, and the launcher passes SHIPCHECK_JAVA_OPTS on): shipcheck's own classes
    // come from the cached archive, which no JDK's default archive holds.
    Path classLog = tmp.resolve("warm-class-load.log");
    Job warm =
        withEnv(Map.of("SHIPCHECK_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog))
            .run(workspace(passing), with);
    assertTrue(warm.passed(), warm.log());
    assertEquals(CACHE_HIT, warm.ran(), "no setup-java, no build");
    assertEquals("true", warm.step("cache").outputs().get("cache-hit"));
    assertEquals(1, mvnCalls().size(), "Maven not called again");
    assertNoJava(warm.step("check").env());
    assertEquals(Map.of("exit-code", "0"), warm.outputs());
    assertTrue(warm.stdout().contains(summary), warm.log());
    assertTrue(
        Files.readAllLines(classLog).stream()
            .anyMatch(l -> l.matches(".* kz\\.shipcheck\\.\\S+ source: shared objects file")),
        "shipcheck's classes from the archive");
    // and started no dump of its own: the runner waited for the job's processes, and the restored
    // lib/ is as the cache holds it (a dump would leave a new archive, a lock or a failure mark)
    assertEquals(cachedLib, listing(tmp.resolve("runner/_temp/shipcheck-dist/lib")));
  }

  @Test
  void aFailingDeclarationFailsTheJobWithAnAnnotationOnItsLine() throws Exception {
    Job job =
        runner.run(
            workspace("beef-frozen-pass.yaml", "beef-chilled-fail.yaml"),
            Map.of("paths", "./declarations"));
    assertFalse(job.passed(), job.log());
    assertEquals(CACHE_MISS_ONLY, job.ran());
    assertEquals(1, job.step("check").code());
    assertEquals(Map.of("exit-code", "1"), job.outputs());
    // given as ./declarations, shipcheck names the file ./declarations/...; the annotation
    // names it as GitHub wants, relative to the repository without ./
    assertTrue(
        job.stdout()
            .lines()
            .anyMatch(
                l -> l.matches("::error file=declarations/beef-chilled-fail\\.yaml,line=\\d+,.*")),
        job.log());
    assertAnnotationFilesRelative(job);
    // the download is saved right after the build, before the check: a first job that fails
    // caches it all the same, and the next job checks with no build
    assertTrue(Files.isRegularFile(cached(job).resolve("lib/shipcheck.jar")), "cached");
    assertTrue(Files.isRegularFile(cached(job).resolve("lib/shipcheck.jsa")), "with its archive");
    Job next =
        runner.run(
            workspace("beef-frozen-pass.yaml", "beef-chilled-fail.yaml"),
            Map.of("paths", "./declarations"));
    assertFalse(next.passed(), next.log());
    assertEquals(CACHE_HIT, next.ran(), "no setup-java, no build");
    assertEquals(1, mvnCalls().size(), "Maven not called again");
    assertEquals(Map.of("exit-code", "1"), next.outputs());
    assertAnnotationFilesRelative(next);
  }

  @Test
  void reportsAreWrittenInTheWorkspace() throws Exception {
    Path ws = workspace("beef-frozen-pass.yaml", "honey-jars-pass.yaml");
    Job job =
        warm()
            .run(
                ws, Map.of("paths", "declarations", "reports", "sarif=out.sarif\njunit=out.xml\n"));
    assertTrue(job.passed(), job.log());
    assertEquals(CACHE_HIT, job.ran());
    JsonNode sarif = new ObjectMapper().readTree(ws.resolve("out.sarif").toFile());
    assertEquals(1, sarif.get("runs").size(), sarif.toString());
    assertTrue(sarif.at("/runs/0/tool/driver/rules").size() > 0, "with the rule catalogue");
    var junit =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ws.resolve("out.xml").toFile());
    assertEquals(2, junit.getElementsByTagName("testcase").getLength());
  }

  @Test
  void failOnWarningFailsOnADeclarationWithOnlyAWarningAndFailOnErrorPassesIt() throws Exception {
    String warning = "honey-old-production-date-warning.yaml";
    ActionRunner warm = warm();
    Job strict =
        warm.run(workspace(warning), Map.of("paths", "declarations", "fail-on", "warning"));
    assertFalse(strict.passed(), strict.log());
    assertEquals(CACHE_HIT, strict.ran());
    assertEquals(Map.of("exit-code", "1"), strict.outputs());
    assertTrue(
        strict
            .stdout()
            .lines()
            .anyMatch(l -> l.startsWith("::warning file=declarations/" + warning + ",line=")),
        strict.log());
    assertFalse(strict.stdout().contains("::error"), strict.log());

    Job lenient = warm.run(workspace(warning), Map.of("paths", "declarations", "fail-on", "error"));
    assertTrue(lenient.passed(), lenient.log());
    assertEquals(CACHE_HIT, lenient.ran());
    assertEquals(Map.of("exit-code", "0"), lenient.outputs());
    assertTrue(lenient.stdout().contains("::warning file=declarations/" + warning), lenient.log());
  }

  @Test
  void aStepUsingAnActionThatIsNotEmulatedFailsTheTest() throws Exception {
    Path yml = actionPath.resolve("action.yml");
    String action = Files.readString(yml);
    Files.writeString(
        yml, action.replace("  steps:\n", "  steps:\n    - uses: actions/upload-artifact@v4\n"));
    AssertionError e = assertThrows(AssertionError.class, () -> runner.run(workspace(), Map.of()));
    assertTrue(
        e.getMessage().contains("actions/upload-artifact@v4 is not emulated"), e.getMessage());
  }
}
