package kz.shipcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures the benchmark script prints ({@code src/bench/numbers.sh}), fed the measurements a
 * loaded machine can produce: a larger batch that finished sooner than a smaller one, a zero time.
 * Each must print as a positive number or "not measurable", never as a negative number or a
 * division by zero (the script once printed {@code -1210.0 µs} and {@code -2.20×}, and
 * BenchScriptIT failed reading them).
 */
class BenchNumbersTest {
  static String figures(String... calls) throws Exception {
    assumeTrue(new File("/bin/bash").canExecute(), "needs bash");
    Process p =
        new ProcessBuilder("/bin/bash", "-c", ". src/bench/numbers.sh; " + String.join("; ", calls))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void measurableFiguresArePrinted() throws Exception {
    assertEquals(
        List.of("450.0", "1.50", "1.50×", "650.0", "2,000", "121"),
        figures(
                "us 0.45 1000",
                "ratio 3 2",
                "ratio_x 3 2",
                "further 1.2 2.5 2000",
                "per_s 1000 0.5",
                "mb 123456")
            .lines()
            .toList());
  }

  @Test
  void aLargerBatchFinishingFirstIsNotMeasurable() throws Exception {
    // 3,000 declarations in 1.21 s after 1,000 in 3.63 s: -1210.0 µs each further declaration
    assertEquals(
        List.of("not measurable", "not measurable", "not measurable"),
        figures(
                "m=$(further 3.63 1.21 2000); echo \"$m\"",
                "suffixed \"$m\" ' µs'",
                "ratio_x \"$m\" 12.5")
            .lines()
            .toList());
  }

  @Test
  void zeroAndNonNumbersAreNotMeasurable() throws Exception {
    for (String call :
        List.of(
            "ratio 1 0",
            "ratio 0 1",
            "ratio -1 2",
            "ratio_x 0.00 1.5",
            "ratio nan 1",
            "ratio 1 inf",
            "ratio 0.001 100",
            "us 0 1000",
            "us 1 0",
            "per_s 1000 0",
            "per_s 1000 0.00",
            "mb 0",
            "further 1 1 5",
            "further 1 2 0",
            "ratio '' 1")) {
      assertEquals("not measurable", figures(call).strip(), call);
    }
  }
}
