package kz.shipcheck.cli;

import java.nio.file.Path;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.StaleData;
import picocli.CommandLine.Option;

/**
 * Options about the pack as a release: whose signature it must carry, and how old its data may be
 * before a warning. Each has an environment variable, so a CI runner or a broker's workstation can
 * set it once for every check.
 */
final class ReleaseOptions {
  @Option(
      names = "--trust",
      paramLabel = "PUB.pem",
      description =
          "refuse (exit 3) any rule pack not signed by this Ed25519 public key (PEM), the bundled"
              + " pack and folders included; also $SHIPCHECK_TRUST")
  Path trust;

  @Option(
      names = "--max-data-age",
      paramLabel = "DAYS",
      description =
          "warn on stderr about each pack data file whose content (asOf in pack.yaml) is more than DAYS"
              + " days old (default "
              + StaleData.DEFAULT_MAX_AGE_DAYS
              + "; 0: off; also $SHIPCHECK_MAX_DATA_AGE)")
  Integer maxDataAge;

  /** The pack, once it is known to be signed by the trusted key (when one is set). */
  PackFiles trusted(PackFiles files) throws PackException {
    Path key = trust;
    String from = "--trust";
    if (key == null && env("SHIPCHECK_TRUST") != null) {
      key = Path.of(env("SHIPCHECK_TRUST"));
      from = "SHIPCHECK_TRUST";
    }
    if (key != null) {
      files.verifySignature(PackCommand.trustedKey(key, from));
    }
    return files;
  }

  /** The stale-data limit: --max-data-age, else $SHIPCHECK_MAX_DATA_AGE, else the default. */
  int maxDataAge() {
    if (maxDataAge != null) {
      if (maxDataAge < 0) {
        throw new UsageException("--max-data-age: must be 0 (off) or more days");
      }
      return maxDataAge;
    }
    String env = env("SHIPCHECK_MAX_DATA_AGE");
    if (env == null || env.isBlank()) {
      return StaleData.DEFAULT_MAX_AGE_DAYS;
    }
    try {
      int days = Integer.parseInt(env.trim());
      if (days >= 0) {
        return days;
      }
    } catch (NumberFormatException e) {
      // reported below, as a negative number is
    }
    throw new UsageException(
        "SHIPCHECK_MAX_DATA_AGE: must be 0 (off) or a whole number of days, found '" + env + "'");
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? null : v;
  }
}
