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
 * The CI examples of the README's reports section stay true: the GitHub Actions workflow is valid
 * YAML whose shipcheck command runs (on fixtures, reports in a temporary folder) and writes the
 * SARIF file the upload step names; the pre-commit example names hooks that exist.
 */
class ReadmeCiExamplesTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path tmp;

  static String block(String firstLine) throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```yaml\n(" + Pattern.quote(firstLine) + ".*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "README has no yaml block starting with " + firstLine);
    return m.group(1);
  }

  @Test
  void theWorkflowRunsAndUploadsWhatItWrites() throws Exception {
    JsonNode workflow = YAML.readTree(block("# .github/workflows/shipcheck.yml"));
    assertEquals("write", workflow.at("/permissions/security-events").asText());
    String command = null;
    String sarif = null;
    for (JsonNode step : workflow.at("/jobs/check/steps")) {
      if (step.has("run") && step.get("run").asText().contains("shipcheck.jar\" check")) {
        command = step.get("run").asText();
      }
      if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")) {
        sarif = step.at("/with/sarif_file").asText();
      }
    }
    assertTrue(command != null && sarif != null, workflow.toString());
    List<String> args = new ArrayList<>();
    for (String word : command.substring(command.indexOf(" check ") + 1).trim().split("\\s+")) {
      if (word.equals("declarations/")) {
        args.add("rules/tests/access");
      } else if (word.contains("=shipcheck.")) {
        args.add(word.replace("=", "=" + tmp + "/"));
      } else {
        args.add(word);
      }
    }
    Cli.Run run = Cli.run(args.toArray(new String[0]));
    assertEquals(1, run.code(), run.err());
    assertTrue(run.out().startsWith("::error file=rules/tests/access/"), run.out());
    assertTrue(Files.size(tmp.resolve(sarif)) > 1000, "the uploaded file is the one written");
  }

  @Test
  void thePreCommitExampleNamesRealHooks() throws Exception {
    Set<String> ids = new HashSet<>();
    YAML.readTree(Path.of(".pre-commit-hooks.yaml").toFile()).forEach(h -> ids.add(h.get("id").asText()));
    JsonNode config = YAML.readTree(block("repos:"));
    for (JsonNode hook : config.at("/repos/0/hooks")) {
      assertTrue(ids.contains(hook.get("id").asText()), hook.toString());
      List<String> args = new ArrayList<>(List.of("check", "rules/tests/access/pass-wheat.yaml"));
      hook.get("args").forEach(a -> args.add(a.asText()));
      assertEquals(0, Cli.run(args.toArray(new String[0])).code(), "the example args are valid options");
    }
  }
}
