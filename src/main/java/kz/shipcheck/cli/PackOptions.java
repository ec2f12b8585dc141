package kz.shipcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.shipcheck.engine.HeadStart;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.ReferenceData;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options that choose the rule pack and register; shared by the commands that load a pack. */
final class PackOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR|FILE.zip",
      description =
          "another rule pack: a folder, or a pack file that shipcheck pack build wrote (default: the bundled pack)")
  Path rules;

  @Option(
      names = "--register",
      paramLabel = "FILE",
      description =
          "establishment register (CSV, docs/register-format.md) to use instead of the pack's sample")
  Path register;

  @Option(
      names = "--no-cache",
      description =
          "compile the DRL: do not use or write the compiled-rule-pack cache (in $SHIPCHECK_CACHE_DIR, $XDG_CACHE_HOME/shipcheck or ~/.cache/shipcheck), nor the bundled pack's rules as built into shipcheck")
  boolean noCache;

  /** The command this mixin belongs to: its stderr gets the one line about a refused cache. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * Loads the pack; a missing path is a usage error (exit 2), a broken pack a pack error (exit 3).
   */
  RulePack load() throws PackException {
    return load(files());
  }

  /** The pack's files (DRL, data, fixtures), not yet compiled; a missing folder is exit 2. */
  PackFiles files() throws PackException {
    if (rules == null) {
      PackFiles ahead = HeadStart.bundledFiles();
      return ahead != null ? ahead : PackFiles.bundled();
    }
    return open(rules, "--rules");
  }

  /**
   * A pack given on the command line: a folder, or a pack file (a zip, checked against its
   * SHA256SUMS: a changed, added or missing file is exit 3). A path that does not exist is exit 2.
   */
  static PackFiles open(Path path, String option) throws PackException {
    if (Files.isDirectory(path)) {
      return PackFiles.fromDirectory(path);
    }
    if (Files.isRegularFile(path)) {
      return PackFiles.fromZip(path);
    }
    throw new UsageException(option + ": " + path + ": no such folder or pack file");
  }

  /** The reference data alone, without compiling the rules: for commands that need no engine. */
  ReferenceData data(PackFiles files) throws PackException {
    byte[] registerBytes = registerBytes();
    return ReferenceData.load(files, register == null ? null : register.toString(), registerBytes);
  }

  /**
   * Compiles the pack from its files (or reads it from the cache, or for the bundled pack builds it
   * from the model made with shipcheck) and loads its data (and the --register file, if given). A
   * cache that is not used, or an entry that was discarded, is one line on stderr: the run goes on,
   * compiling the DRL.
   */
  RulePack load(PackFiles files) throws PackException {
    byte[] registerBytes = registerBytes();
    Path cacheDir = null;
    if (!noCache) {
      RulePack.CacheFolder folder = RulePack.cacheFolder();
      warn(folder.refusal());
      cacheDir = folder.dir();
    }
    RulePack pack =
        RulePack.load(
            files,
            register == null ? null : register.toString(),
            registerBytes,
            cacheDir,
            Version.get(),
            !noCache);
    warn(pack.cacheNotice());
    // the command's --lang (LangOption) decides the language of titles, messages and hints
    return pack.in(LangOption.of(command));
  }

  private void warn(String line) {
    if (line != null) {
      command.commandLine().getErr().println("warning: " + line);
      command.commandLine().getErr().flush();
    }
  }

  private byte[] registerBytes() throws PackException {
    if (register != null && !Files.isRegularFile(register)) {
      throw new UsageException("--register: " + register + ": no such file");
    }
    byte[] registerBytes = null;
    if (register != null) {
      try {
        registerBytes = Files.readAllBytes(register);
      } catch (IOException e) {
        throw new PackException(
            register.toString(), 0, 0, "cannot read the register: " + e.getMessage());
      }
    }
    return registerBytes;
  }
}
