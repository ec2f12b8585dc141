package kz.shipcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the bundled rule pack with one extra DRL file, for tests that need a special rule. */
final class TestPacks {
  private TestPacks() {}

  /** rules/ copied to {@code dir} (fixtures left out) plus {@code extra.drl}. */
  static Path withRule(Path dir, String drl) throws IOException {
    kz.shipcheck.testing.PackCopy.of(dir, false);
    Files.writeString(dir.resolve("extra.drl"), drl, StandardCharsets.UTF_8);
    return dir;
  }

  /** A warning on the id of every declaration. */
  static final String WARNING_RULE =
      """
      package kz.shipcheck.rules.extra
      import kz.shipcheck.engine.fact.Declaration
      global kz.shipcheck.pack.ReferenceData ref
      global kz.shipcheck.engine.Findings out

      rule "TEST-001 a warning on every declaration"
        @id("TEST-001")
        @severity("warning")
        @title("A warning for the tests")
        @reference("test")
        @basis("model")
      when
        $d : Declaration()
      then
        out.at(kcontext, $d, "id", "a warning on " + $d.getId(), "nothing to fix");
      end
      """;

  /** A rule that breaks the run (a bug in a pack): its consequence throws. */
  static final String BROKEN_RULE =
      """
      package kz.shipcheck.rules.extra
      import kz.shipcheck.engine.fact.Declaration
      global kz.shipcheck.pack.ReferenceData ref
      global kz.shipcheck.engine.Findings out

      rule "TEST-002 throws"
        @id("TEST-002")
        @severity("error")
        @title("Throws")
        @reference("test")
        @basis("model")
      when
        $d : Declaration()
      then
        throw new IllegalStateException("boom");
      end
      """;
}
