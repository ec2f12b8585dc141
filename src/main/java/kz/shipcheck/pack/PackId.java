package kz.shipcheck.pack;

import java.time.LocalDate;

/**
 * Which pack judged a run: the manifest's name, version and effective date, and the sha256 of the
 * pack's files (see {@link PackDigest}). Every report carries it.
 *
 * @param effective null when the pack has no manifest
 */
public record PackId(String name, String version, LocalDate effective, String sha256) {
  public static PackId of(PackFiles files) throws PackException {
    PackManifest m = files.manifest();
    return new PackId(m.name(), m.version(), m.effective(), files.sha256());
  }

  /** The effective date as text, or null. */
  public String effectiveText() {
    return effective == null ? null : effective.toString();
  }

  /** One line for a summary: {@code pack: NAME VERSION (effective DATE, sha256 0123456789ab…)}. */
  public String line() {
    return "pack: "
        + name
        + " "
        + version
        + " ("
        + (effective == null ? "no effective date" : "effective " + effective)
        + ", sha256 "
        + sha256.substring(0, 12)
        + "…)";
  }
}
