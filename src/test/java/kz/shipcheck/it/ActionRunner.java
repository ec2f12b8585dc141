package kz.shipcheck.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a composite action's {@code action.yml} the way GitHub's runner runs it in a job on a fresh
 * machine: expressions substituted, {@code if:} evaluated, {@code run:} steps in {@code bash
 * --noprofile --norc -eo pipefail} with the environment and file commands the runner gives, the job
 * failed (and later steps skipped) by the first step that fails. Only the expressions, conditions
 * and actions that action.yml uses are understood; anything else fails the test, so that a new
 * dependency of the action cannot pass here unemulated. The actions it uses are emulated: {@code
 * actions/cache/restore@v4} and {@code actions/cache/save@v4} by a folder per key in {@code
 * cacheRoot} (the cache service, shared by the jobs of one test; an entry once saved is never
 * replaced), {@code actions/setup-java@v4} by this test's own JDK.
 */
final class ActionRunner {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
  static final Pattern REF =
      Pattern.compile(
          "inputs\\.[\\w-]+|runner\\.(temp|os|arch)|steps\\.[\\w-]+\\.outputs\\.[\\w-]+");
  static final Pattern CONDITION =
      Pattern.compile("(" + REF.pattern() + ")\\s*(==|!=)\\s*'([^']*)'");

  /** One step as it went: whether it ran, its exit code, outputs, environment and output. */
  record Step(
      String key,
      boolean ran,
      int code,
      Map<String, String> outputs,
      Map<String, String> env,
      String stdout,
      String stderr) {}

  /** The job: passed or failed, the action's outputs, its steps by id (or name), its log. */
  record Job(boolean passed, Map<String, String> outputs, Map<String, Step> steps, String stdout) {
    /** The keys of the steps that ran, in order. */
    List<String> ran() {
      return steps.values().stream().filter(Step::ran).map(Step::key).toList();
    }

    /** Each step that ran, with what it wrote, for assertion messages. */
    String log() {
      StringBuilder b = new StringBuilder();
      steps.values().stream()
          .filter(Step::ran)
          .forEach(
              s ->
                  b.append("## ")
                      .append(s.key())
                      .append(" (exit ")
                      .append(s.code())
                      .append(")\n")
                      .append(s.stdout())
                      .append(s.stderr()));
      return b.toString();
    }

    Step step(String key) {
      assertTrue(steps.containsKey(key), "no step " + key + " in " + steps.keySet());
      return steps.get(key);
    }
  }

  final Path actionPath;
  final Path cacheRoot;
  final Path runnerTemp;
  final List<String> path;
  final Map<String, String> baseEnv;

  /**
   * @param runnerTemp the runner's temporary folder: the same path on every job, as on GitHub's
   *     machines ({@code /home/runner/work/_temp}), and empty at the start of each (a fresh
   *     machine)
   * @param path the machine's PATH, first entry first
   * @param baseEnv anything else the machine's environment holds (HOME, LANG, ...)
   */
  ActionRunner(
      Path actionPath,
      Path cacheRoot,
      Path runnerTemp,
      List<String> path,
      Map<String, String> baseEnv) {
    this.actionPath = actionPath;
    this.cacheRoot = cacheRoot;
    this.runnerTemp = runnerTemp;
    this.path = path;
    this.baseEnv = baseEnv;
  }

  /** A job whose only step after the checkout is {@code uses: <this action>} with {@code with}. */
  Job run(Path workspace, Map<String, String> with) throws Exception {
    JsonNode action = YAML.readTree(actionPath.resolve("action.yml").toFile());
    assertEquals("composite", action.at("/runs/using").asText());
    Map<String, String> inputs = new LinkedHashMap<>();
    action
        .path("inputs")
        .fields()
        .forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().path("default").asText("")));
    for (String given : with.keySet()) {
      assertTrue(inputs.containsKey(given), "the action has no input " + given);
    }
    inputs.putAll(with);
    deleteTree(runnerTemp);
    Files.createDirectories(runnerTemp);
    Deque<Path> jobPath = new ArrayDeque<>(path.stream().map(Path::of).toList());
    Map<String, String> jobEnv = new LinkedHashMap<>(baseEnv);
    Map<String, Step> steps = new LinkedHashMap<>();
    StringBuilder stdout = new StringBuilder();
    boolean passed = true;
    int n = 0;
    for (JsonNode step : action.at("/runs/steps")) {
      String key = step.has("id") ? step.get("id").asText() : step.path("name").asText("#" + n);
      n++;
      Map<String, Map<String, String>> outs = outputsOf(steps);
      boolean ran = passed && condition(step.path("if").asText(""), inputs, outs);
      if (!ran) {
        steps.put(key, new Step(key, false, 0, Map.of(), Map.of(), "", ""));
        continue;
      }
      Map<String, String> outputs = new LinkedHashMap<>();
      Step done;
      if (step.has("uses")) {
        Map<String, String> w = new TreeMap<>();
        step.path("with")
            .fields()
            .forEachRemaining(e -> w.put(e.getKey(), expand(e.getValue().asText(), inputs, outs)));
        String uses = step.get("uses").asText();
        switch (uses) {
          case "actions/cache/restore@v4" -> restore(w, outputs);
          case "actions/cache/save@v4" -> save(w);
          case "actions/setup-java@v4" -> setupJava(w, outputs, jobPath, jobEnv);
          default -> throw new AssertionError("uses: " + uses + " is not emulated here");
        }
        done = new Step(key, true, 0, outputs, Map.of(), "", "");
      } else {
        done = runStep(step, key, inputs, outs, workspace, jobPath, jobEnv);
        stdout.append(done.stdout());
        passed = done.code() == 0;
      }
      steps.put(key, done);
    }
    awaitLeftovers();
    Map<String, Map<String, String>> outs = outputsOf(steps);
    Map<String, String> outputs = new LinkedHashMap<>();
    action
        .path("outputs")
        .fields()
        .forEachRemaining(
            e ->
                outputs.put(e.getKey(), expand(e.getValue().path("value").asText(), inputs, outs)));
    return new Job(passed, outputs, steps, stdout.toString());
  }

  /**
   * GitHub's runner kills what a job left running once its post steps are done (such as the
   * download's class-data archive, made in the background after a first run that finds none, in
   * runner.temp). This test waits for it instead, so that what it left is there to see, for the
   * assertions, the next job and the clean-up; the processes are this job's by the runner.temp in
   * their command lines.
   */
  void awaitLeftovers() throws InterruptedException {
    String mark = runnerTemp.toString();
    for (int i = 0; i < 1200; i++) { // a hang guard of ten minutes, not a timing assertion
      boolean any =
          ProcessHandle.allProcesses()
              .anyMatch(
                  h ->
                      h.pid() != ProcessHandle.current().pid()
                          && h.info().commandLine().map(c -> c.contains(mark)).orElse(false));
      if (!any) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("processes of the job still run after ten minutes");
  }

  static Map<String, Map<String, String>> outputsOf(Map<String, Step> steps) {
    Map<String, Map<String, String>> outs = new LinkedHashMap<>();
    steps.forEach((k, s) -> outs.put(k, s.outputs()));
    return outs;
  }

  String ref(String ref, Map<String, String> inputs, Map<String, Map<String, String>> steps) {
    assertTrue(REF.matcher(ref).matches(), "expression ${{ " + ref + " }} is not emulated here");
    String[] p = ref.split("\\.");
    return switch (p[0]) {
      case "inputs" -> inputs.get(p[1]);
      case "runner" ->
          switch (p[1]) {
            case "temp" -> runnerTemp.toString();
            case "os" -> "Linux";
            default -> "X64"; // runner.arch: GitHub's names are X86, X64, ARM, ARM64
          };
      // an output a step did not set (or a step that did not run) is the empty string
      default -> steps.getOrDefault(p[1], Map.of()).getOrDefault(p[3], "");
    };
  }

  String expand(String text, Map<String, String> inputs, Map<String, Map<String, String>> steps) {
    Matcher m = EXPR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(ref(m.group(1), inputs, steps)));
    }
    return m.appendTail(out).toString();
  }

  /**
   * {@code REF == 'text'} or {@code !=}, bare or in ${{ }}; GitHub compares strings ignoring case.
   */
  boolean condition(
      String cond, Map<String, String> inputs, Map<String, Map<String, String>> steps) {
    if (cond.isBlank()) {
      return true;
    }
    Matcher wrapped = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}").matcher(cond.trim());
    String c = wrapped.matches() ? wrapped.group(1) : cond.trim();
    Matcher m = CONDITION.matcher(c);
    assertTrue(m.matches(), "if: " + cond + " is not emulated here");
    boolean same = ref(m.group(1), inputs, steps).equalsIgnoreCase(m.group(4));
    return m.group(3).equals("==") == same;
  }

  /** actions/cache/restore: the entry of exactly this key, if any, copied to the path. */
  void restore(Map<String, String> with, Map<String, String> outputs) throws IOException {
    assertEquals(Set.of("key", "path"), with.keySet(), "only key and path are emulated");
    assertTrue(!with.get("path").contains("\n"), "one path only is emulated");
    Path saved = cacheRoot.resolve(keyFolder(with.get("key")));
    outputs.put("cache-primary-key", with.get("key"));
    if (Files.isDirectory(saved)) {
      copyTree(saved, Path.of(with.get("path")));
      outputs.put("cache-hit", "true");
      outputs.put("cache-matched-key", with.get("key"));
    } else {
      outputs.put("cache-hit", "false");
    }
  }

  /**
   * actions/cache/save: the path saved under the key at once, whatever the job does later; a key
   * already saved stays as it was (GitHub warns, and the step passes).
   */
  void save(Map<String, String> with) throws IOException {
    assertEquals(Set.of("key", "path"), with.keySet(), "only key and path are emulated");
    assertTrue(!with.get("path").contains("\n"), "one path only is emulated");
    assertFalse(with.get("key").isEmpty(), "a key");
    Path from = Path.of(with.get("path"));
    Path to = cacheRoot.resolve(keyFolder(with.get("key")));
    assertTrue(Files.isDirectory(from), "nothing to save at " + from);
    if (!Files.exists(to)) {
      copyTree(from, to);
    }
  }

  static String keyFolder(String key) {
    return key.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  void setupJava(
      Map<String, String> with,
      Map<String, String> outputs,
      Deque<Path> jobPath,
      Map<String, String> jobEnv) {
    assertEquals(Set.of("distribution", "java-version"), with.keySet(), "only these are emulated");
    assertEquals("17", with.get("java-version"));
    assertEquals(17, Runtime.version().feature(), "this test's JVM stands in for JDK 17");
    Path home = Path.of(System.getProperty("java.home"));
    jobPath.addFirst(home.resolve("bin"));
    jobEnv.put("JAVA_HOME", home.toString());
    jobEnv.put("JAVA_HOME_17_X64", home.toString());
    outputs.put("distribution", with.get("distribution"));
    outputs.put("version", System.getProperty("java.version"));
    outputs.put("path", home.toString());
  }

  Step runStep(
      JsonNode step,
      String key,
      Map<String, String> inputs,
      Map<String, Map<String, String>> outs,
      Path workspace,
      Deque<Path> jobPath,
      Map<String, String> jobEnv)
      throws Exception {
    assertEquals("bash", step.path("shell").asText(), "shell: bash only");
    Path dir = Files.createDirectories(runnerTemp.resolve("_runner_file_commands").resolve(key));
    Path script = runnerTemp.resolve(key + ".sh");
    Files.writeString(script, expand(step.get("run").asText(), inputs, outs));
    Map<String, String> env = new TreeMap<>(jobEnv);
    env.put("PATH", String.join(":", jobPath.stream().map(Path::toString).toList()));
    env.put("CI", "true");
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_ACTION_PATH", actionPath.toString());
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("RUNNER_TEMP", runnerTemp.toString());
    env.put("RUNNER_OS", "Linux");
    env.put("RUNNER_ARCH", "X64");
    for (String file :
        List.of("GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")) {
      Path f = dir.resolve(file.toLowerCase());
      Files.writeString(f, "");
      env.put(file, f.toString());
    }
    step.path("env")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), expand(e.getValue().asText(), inputs, outs)));
    Path bash =
        jobPath.stream()
            .map(p -> p.resolve("bash"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow();
    ProcessBuilder pb =
        new ProcessBuilder(
                bash.toString(), "--noprofile", "--norc", "-eo", "pipefail", script.toString())
            .directory(workspace.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Path log = dir.resolve("stdout");
    pb.redirectOutput(log.toFile()).redirectError(dir.resolve("stderr").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), key + " did not finish"); // a hang guard only
    // the runner reads the file commands whether or not the step failed
    Map<String, String> outputs = keyValues(Path.of(env.get("GITHUB_OUTPUT")));
    jobEnv.putAll(keyValues(Path.of(env.get("GITHUB_ENV"))));
    List<String> added = Files.readAllLines(Path.of(env.get("GITHUB_PATH")));
    for (int i = added.size() - 1; i >= 0; i--) {
      jobPath.addFirst(Path.of(added.get(i)));
    }
    return new Step(
        key,
        true,
        p.exitValue(),
        outputs,
        env,
        Files.readString(log, StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
  }

  /**
   * {@code name=value} lines and {@code name<<DELIMITER} blocks, as in GITHUB_OUTPUT and
   * GITHUB_ENV.
   */
  static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int eq = line.indexOf('=');
      if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
        String end = line.substring(heredoc + 2);
        List<String> value = new ArrayList<>();
        for (i++; !lines.get(i).equals(end); i++) {
          value.add(lines.get(i));
        }
        out.put(line.substring(0, heredoc), String.join("\n", value));
      } else if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      } else {
        assertTrue(line.isBlank(), "not a file command: " + line);
      }
    }
    return out;
  }

  /**
   * Copies a folder with its files' times, as the cache's tar does. A file that goes away meanwhile
   * is left out, as tar leaves it (a warning): a class-data archive being made in the background
   * moves its temporary file away.
   */
  static void copyTree(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(from)) {
      all = s.toList();
    }
    for (Path p : all) {
      Path t = to.resolve(from.relativize(p).toString());
      try {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(
              p,
              t,
              StandardCopyOption.COPY_ATTRIBUTES,
              StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
      } catch (NoSuchFileException gone) {
        if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          throw gone;
        }
      }
    }
    for (Path p : all) {
      Path t = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(t, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.exists(p)) {
        Files.setLastModifiedTime(t, Files.getLastModifiedTime(p));
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A folder of links to every command in /usr/bin and /bin but a JDK's and Maven's. */
  static Path systemBinWithoutJava(Path into) throws IOException {
    Files.createDirectories(into);
    Set<String> seen = new HashSet<>();
    for (String d : List.of("/usr/bin", "/bin")) {
      try (Stream<Path> s = Files.list(Path.of(d))) {
        for (Path p : s.sorted().toList()) {
          String name = p.getFileName().toString();
          if (!seen.add(name)) {
            continue;
          }
          Path real;
          try {
            real = p.toRealPath();
          } catch (IOException broken) {
            continue;
          }
          // a link into a JDK's or Maven's bin/ (as /usr/bin/java -> /etc/alternatives -> ...)
          Path home = real.getParent();
          boolean tool =
              !home.equals(Path.of(d))
                  && (Files.exists(home.resolve("java")) || Files.exists(home.resolve("mvn")));
          if (name.equals("java") || name.equals("mvn") || tool || Files.isDirectory(real)) {
            continue;
          }
          Files.createSymbolicLink(into.resolve(name), real);
        }
      }
    }
    return into;
  }
}
