package kz.shipcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.PackId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck pack verify}: is a pack file whole, and (with --trust) signed by that key? */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header =
        "Check that a pack file's files match its SHA256SUMS and, with --trust, its signature.",
    description = {
      "Exits 0 when every file matches its SHA-256 in SHA256SUMS, no file is added or missing and,"
          + " with --trust, SHA256SUMS.sig is a valid signature by that key; exits 3 with the reason"
          + " otherwise. FILE may also be an unzipped pack folder that holds SHA256SUMS."
    })
final class PackVerifyCommand implements Callable<Integer> {
  @ParentCommand PackCommand parent;

  @Parameters(paramLabel = "FILE", description = "the pack file (zip) or an unzipped pack folder")
  Path file;

  @Option(
      names = "--trust",
      paramLabel = "PUB.pem",
      description = "require a signature by this Ed25519 public key (PEM)")
  Path trust;

  @Override
  public Integer call() throws Exception {
    var key = trust == null ? null : PackCommand.trustedKey(trust, "--trust");
    PackFiles files = PackOptions.open(file, "FILE");
    if (Files.isDirectory(file)) {
      files.verifyDigest(); // a zip's digest was checked as it was read
    }
    if (key != null) {
      files.verifySignature(key);
    }
    PackId id = PackId.of(files);
    parent
        .main
        .io
        .out()
        .println(
            "OK "
                + file
                + ": "
                + id.name()
                + " "
                + id.version()
                + ", "
                + files.files().size()
                + " files match SHA256SUMS"
                + (key != null ? ", signed by " + trust : "")
                + ", sha256 "
                + id.sha256());
    return ExitCode.OK.code;
  }
}
