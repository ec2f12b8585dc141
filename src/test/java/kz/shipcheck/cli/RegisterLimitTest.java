package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register is held whole in memory: one with more rows than the limit is a pack error, read no
 * further.
 */
class RegisterLimitTest {
  @TempDir Path tmp;

  @Test
  void aRegisterOverTheRowLimitIsRefusedBeforeItIsRead() throws Exception {
    StringBuilder csv =
        new StringBuilder("registration,name,bin,region,products,listedOn,status,statusSince\n");
    for (int i = 0; i < 6; i++) {
      // not even valid rows: the count is checked before anything is parsed
      csv.append("row ").append(i).append('\n');
    }
    Path register = tmp.resolve("register.csv");
    Files.writeString(register, csv);
    String before = System.getProperty("shipcheck.register.maxRows");
    System.setProperty("shipcheck.register.maxRows", "5");
    try {
      Cli.Run r =
          Cli.run("check", "--register", register.toString(), "shipments/beef-frozen-pass.yaml");
      assertEquals(3, r.code(), r.err());
      assertTrue(
          r.err()
              .contains(
                  register + ":7:1: the register has more than 5 rows, the most shipcheck reads"),
          r.err());
      // five rows are within the limit: the run goes on to the rows themselves
      Files.writeString(register, csv.substring(0, csv.indexOf("row 5")));
      Cli.Run within =
          Cli.run("check", "--register", register.toString(), "shipments/beef-frozen-pass.yaml");
      assertEquals(3, within.code(), within.err());
      assertTrue(within.err().contains("expected 8 fields"), within.err());
    } finally {
      if (before == null) {
        System.clearProperty("shipcheck.register.maxRows");
      } else {
        System.setProperty("shipcheck.register.maxRows", before);
      }
    }
  }
}
