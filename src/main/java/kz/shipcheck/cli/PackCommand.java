package kz.shipcheck.cli;

import java.nio.file.Path;
import java.security.PublicKey;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck pack}: build, verify and describe rule pack files. */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    header =
        "Build, verify and describe rule pack files (dated, hashed, optionally signed releases).",
    description = {
      "A pack file is a zip of a rule pack folder with SHA256SUMS (the SHA-256 of every file) and,"
          + " when signed, SHA256SUMS.sig (an Ed25519 signature over SHA256SUMS). Its sha256 is the"
          + " SHA-256 of SHA256SUMS, the same for the folder and the zip."
    },
    subcommands = {PackBuildCommand.class, PackVerifyCommand.class, PackInfoCommand.class})
final class PackCommand implements Runnable {
  @ParentCommand Main main;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "a pack command is needed: build, verify or info");
  }

  /** The public key in a PEM file given as an option; a missing file is a usage error. */
  static PublicKey trustedKey(Path pem, String option) throws PackException {
    if (!java.nio.file.Files.isRegularFile(pem)) {
      throw new UsageException(option + ": " + pem + ": no such file");
    }
    return PackKeys.publicKey(pem);
  }
}
