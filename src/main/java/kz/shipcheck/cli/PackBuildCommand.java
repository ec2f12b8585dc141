package kz.shipcheck.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.fixture.FixtureReport;
import kz.shipcheck.fixture.FixtureRunner;
import kz.shipcheck.pack.PackArchive;
import kz.shipcheck.pack.PackDigest;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.pack.PackKeys;
import kz.shipcheck.pack.PackManifest;
import kz.shipcheck.report.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code shipcheck pack build}: a tested rule pack folder as one hashed, optionally signed zip. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header =
        "Validate a rule pack folder and write it as a pack file (zip with SHA256SUMS, optionally signed).",
    description = {
      "Compiles the pack's DRL, loads its data and manifest (pack.yaml), and runs every fixture under"
          + " its tests/ folder; any failure refuses the build (exit 3 for a broken pack, exit 1 with the"
          + " failing fixtures listed). The zip holds the pack's files, SHA256SUMS and, with --sign,"
          + " SHA256SUMS.sig: the raw Ed25519 signature over SHA256SUMS. The same folder always gives"
          + " the same zip bytes (sorted entries, every timestamp the pack's effective date)."
    })
final class PackBuildCommand implements Callable<Integer> {
  @ParentCommand PackCommand parent;

  @Parameters(paramLabel = "DIR", description = "the rule pack folder")
  Path dir;

  @Option(
      names = "--output",
      paramLabel = "FILE.zip",
      required = true,
      description = "the pack file to write (atomically)")
  Path output;

  @Option(
      names = "--sign",
      paramLabel = "KEY.pem",
      description =
          "sign with this Ed25519 private key (PEM, as openssl genpkey -algorithm ed25519 writes it)")
  Path sign;

  @Option(names = "--no-cache", description = "do not use or write the compiled-rule-pack cache")
  boolean noCache;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + ": no such pack folder");
    }
    if (output.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
      throw new UsageException(
          "--output: "
              + output
              + " is inside the pack folder; it would become part of the next build");
    }
    Path outDir = output.toAbsolutePath().getParent();
    if (outDir == null || !Files.isDirectory(outDir)) {
      throw new UsageException("--output: " + output + ": no such folder");
    }
    if (sign != null && !Files.isRegularFile(sign)) {
      throw new UsageException("--sign: " + sign + ": no such file");
    }
    PrivateKey key = sign == null ? null : PackKeys.privateKey(sign);
    PackFiles files = PackFiles.fromDirectory(dir);
    PackManifest manifest = files.manifest();
    if (manifest.effective() == null) {
      throw new kz.shipcheck.pack.PackException(
          files.display(PackManifest.FILE),
          0,
          0,
          "a pack file needs a manifest (pack.yaml with name, version and effective)");
    }
    RulePack pack =
        RulePack.load(
            files, null, null, noCache ? null : RulePack.defaultCacheDir(), Version.get());
    Path tests = dir.resolve("tests");
    var err = parent.main.io.err();
    int fixtures = 0;
    if (Files.isDirectory(tests)) {
      FixtureRunner.Report report = new FixtureRunner(pack).run(List.of(tests.toString()));
      fixtures = report.fixtures().size();
      if (!report.allMatched()) {
        err.print(failures(FixtureReport.text(report)));
        err.println(
            "error: "
                + dir
                + ": "
                + report.failures()
                + " fixture(s) did not match; the pack is not built");
        return ExitCode.FAILED.code;
      }
    } else {
      err.println("warning: " + dir + " has no tests/ folder: the pack is built without fixtures");
    }
    String sums = files.sums();
    Map<String, byte[]> entries = new TreeMap<>(files.files());
    entries.put(PackDigest.SUMS, sums.getBytes(StandardCharsets.UTF_8));
    if (key != null) {
      entries.put(PackDigest.SIGNATURE, PackKeys.sign(key, sums.getBytes(StandardCharsets.UTF_8)));
    }
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    PackArchive.write(zip, entries, manifest.effective().atStartOfDay());
    try (AtomicFile f = AtomicFile.open(output)) {
      f.stream().write(zip.toByteArray());
      f.commit();
    }
    PackId id = PackId.of(files);
    parent
        .main
        .io
        .out()
        .println(
            "built "
                + output
                + ": "
                + id.name()
                + " "
                + id.version()
                + " (effective "
                + id.effective()
                + "), "
                + files.files().size()
                + " files, "
                + fixtures
                + " fixtures matched, "
                + (key != null ? "signed with " + sign : "unsigned")
                + ", sha256 "
                + id.sha256());
    return ExitCode.OK.code;
  }

  /** The fixture report's failing fixtures with their details, and its count line. */
  private static String failures(String text) {
    StringBuilder b = new StringBuilder();
    boolean inFail = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("FAIL")) {
        inFail = true;
      } else if (!line.startsWith(" ")) {
        inFail = false;
      }
      if (inFail) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }
}
