package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI examples of the README's CI section stay true: the GitHub Actions workflow is valid YAML
 * whose shipcheck command runs (on fixtures, reports in a temporary folder) and writes the SARIF
 * file the upload step names; the pre-commit example names hooks that exist.
 */
class ReadmeCiExamplesTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path tmp;

  static String block(String firstLine) throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("```yaml\n(" + Pattern.quote(firstLine) + ".*?)```", Pattern.DOTALL)
            .matcher(readme);
    assertTrue(m.find(), "README has no yaml block starting with " + firstLine);
    return m.group(1);
  }

  /**
   * The workflow's action step runs as the action runs it: action.yml's check script with the
   * step's inputs, the launcher replaced by this build's classes (on fixtures, reports in a
   * temporary folder), and it writes the SARIF file the upload step names.
   */
  @Test
  void theWorkflowRunsAndUploadsWhatItWrites() throws Exception {
    JsonNode workflow = YAML.readTree(block("# .github/workflows/shipcheck.yml"));
    assertEquals("write", workflow.at("/permissions/security-events").asText());
    JsonNode with = null;
    String sarif = null;
    for (JsonNode step : workflow.at("/jobs/check/steps")) {
      if (step.path("uses").asText().matches("[^/]+/shipcheck@.+")) {
        with = step.get("with");
      }
      if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")) {
        sarif = step.at("/with/sarif_file").asText();
      }
    }
    assertTrue(with != null && sarif != null, workflow.toString());
    JsonNode action = YAML.readTree(Path.of("action.yml").toFile());
    with.fieldNames()
        .forEachRemaining(
            input -> assertTrue(action.at("/inputs").has(input), "action input " + input));
    String checkStep = null;
    for (JsonNode step : action.at("/runs/steps")) {
      if ("check".equals(step.path("id").asText())) {
        checkStep = step.get("run").asText();
      }
    }
    assertEquals("bash \"$GITHUB_ACTION_PATH/src/main/sh/action-check\"", checkStep.trim());

    Path launcher = tmp.resolve("shipcheck");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' kz.shipcheck.cli.Main \"$@\"\n");
    launcher.toFile().setExecutable(true);
    ProcessBuilder pb =
        new ProcessBuilder("bash", "src/main/sh/action-check").redirectErrorStream(false);
    pb.environment().put("SHIPCHECK_BIN", launcher.toString());
    pb.environment().put("SHIPCHECK_CACHE_DIR", tmp.resolve("cache").toString());
    pb.environment().put("GITHUB_OUTPUT", tmp.resolve("github-output").toString());
    pb.environment()
        .put(
            "INPUT_PATHS",
            with.get("paths").asText().replace("declarations/", "rules/tests/access"));
    pb.environment().put("INPUT_FAIL_ON", with.get("fail-on").asText());
    pb.environment()
        .put(
            "INPUT_REPORTS",
            with.get("reports").asText().replace("=shipcheck.", "=" + tmp + "/shipcheck."));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)); // a hang guard only
    assertEquals(1, p.exitValue(), out);
    assertTrue(out.startsWith("::error file=rules/tests/access/"), out);
    assertTrue(Files.size(tmp.resolve(sarif)) > 1000, "the uploaded file is the one written");
    assertEquals("exit-code=1\n", Files.readString(tmp.resolve("github-output")));
  }

  /**
   * GitHub does not enforce a composite action's required inputs: an empty {@code paths} is a usage
   * error naming the input, not a check of the whole repository (its workflow files included).
   */
  @Test
  void theActionWithNoPathsSaysSo() throws Exception {
    assertTrue(
        YAML.readTree(Path.of("action.yml").toFile()).at("/inputs/paths/required").asBoolean());
    for (String paths : new String[] {null, "", " \n "}) {
      ProcessBuilder pb = new ProcessBuilder("bash", "src/main/sh/action-check");
      pb.environment().put("SHIPCHECK_BIN", "/nonexistent/shipcheck"); // never reached
      pb.environment().put("GITHUB_OUTPUT", tmp.resolve("github-output").toString());
      pb.environment().remove("INPUT_PATHS");
      if (paths != null) pb.environment().put("INPUT_PATHS", paths);
      Files.deleteIfExists(tmp.resolve("github-output"));
      Process p = pb.redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)); // a hang guard only
      assertEquals(2, p.exitValue(), out);
      assertTrue(out.startsWith("::error title=shipcheck::the action's paths input is empty"), out);
      assertEquals("exit-code=2\n", Files.readString(tmp.resolve("github-output")));
    }
  }

  @Test
  void thePreCommitExampleNamesRealHooks() throws Exception {
    Set<String> ids = new HashSet<>();
    YAML.readTree(Path.of(".pre-commit-hooks.yaml").toFile())
        .forEach(h -> ids.add(h.get("id").asText()));
    JsonNode config = YAML.readTree(block("repos:"));
    for (JsonNode hook : config.at("/repos/0/hooks")) {
      assertTrue(ids.contains(hook.get("id").asText()), hook.toString());
      List<String> args = new ArrayList<>(List.of("check", "rules/tests/access/pass-wheat.yaml"));
      hook.get("args").forEach(a -> args.add(a.asText()));
      assertEquals(
          0, Cli.run(args.toArray(new String[0])).code(), "the example args are valid options");
    }
  }
}
