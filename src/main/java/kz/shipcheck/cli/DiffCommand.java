package kz.shipcheck.cli;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import kz.shipcheck.check.BatchChecker;
import kz.shipcheck.engine.RulePack;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.Sources;
import kz.shipcheck.pack.PackDiff;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.PackId;
import kz.shipcheck.result.DeclarationResult;
import kz.shipcheck.result.Finding;
import kz.shipcheck.result.Outcome;
import kz.shipcheck.result.RuleInfo;
import kz.shipcheck.yaml.InputLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shipcheck diff}: re-screens declarations under a new pack. Both packs check the same
 * declarations in memory; the output is what the packs differ in and every declaration whose
 * outcome or findings changed. A finding is the same finding when its rule, path and message are.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header =
        "Check declarations under two rule packs and show what changes: pack data, rules, verdicts.",
    description = {
      "Shows the files, data rows (by key) and rules that differ between the packs, and every declaration"
          + " whose outcome or findings differ, with the findings that appeared (+) or went (-). Exits 1"
          + " when a declaration that passed under --from fails or is invalid under --to, else 0."
    })
final class DiffCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "declaration files or folders")
  List<String> paths;

  @Option(
      names = "--from",
      paramLabel = "OLD",
      description = "the current pack: folder or pack file (default: the bundled pack)")
  Path from;

  @Option(
      names = "--to",
      paramLabel = "NEW",
      required = true,
      description = "the new pack: folder or pack file")
  Path to;

  /** What {@code diff} writes ({@link DiffOutput}). */
  enum Output {
    TEXT,
    JSON,
    CSV
  }

  /** Binds {@code --format} to {@link Output}. */
  static final class Outputs extends OptionTypes.Labels<Output> {
    Outputs() {
      super(Output.class);
    }
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Outputs.class,
      completionCandidates = Outputs.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Output format;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      converter = OptionTypes.Date.class,
      description = "judge every declaration as if shipped on DATE (yyyy-mm-dd)")
  LocalDate asOf;

  @Option(
      names = "--sarif",
      paramLabel = "FILE",
      description =
          "also write the run under --to as SARIF (atomically), each result marked with its baselineState"
              + " against --from: new, unchanged, or absent for a finding that went")
  Path sarif;

  @Option(names = "--no-cache", description = "do not use or write the compiled-rule-pack cache")
  boolean noCache;

  /** One declaration whose verdict changed. */
  record Change(
      DeclarationResult from, DeclarationResult to, List<Finding> added, List<Finding> removed) {
    boolean newlyFailing() {
      return from.outcome() == Outcome.PASS && to.outcome() != Outcome.PASS;
    }
  }

  /** Everything the diff found, for the renderers. */
  record Diff(
      PackId from,
      PackId to,
      PackDiff.Result files,
      List<String> rulesAdded,
      List<String> rulesRemoved,
      int declarations,
      List<Change> changes) {}

  @Override
  public Integer call() throws Exception {
    if (sarif != null && !java.nio.file.Files.isDirectory(sarif.toAbsolutePath().getParent())) {
      throw new UsageException("--sarif: " + sarif + ": no such folder");
    }
    Sources sources = new Sources(paths);
    if (!sources.missing().isEmpty()) {
      throw new UsageException(sources.missing().get(0) + ": no such file or folder");
    }
    PackFiles oldFiles = from == null ? PackFiles.bundled() : PackOptions.open(from, "--from");
    PackFiles newFiles = PackOptions.open(to, "--to");
    RulePack oldPack = load(oldFiles);
    RulePack newPack = load(newFiles);
    List<DeclarationResult> before = check(oldPack, sources, asOf);
    List<DeclarationResult> after = check(newPack, new Sources(paths), asOf);
    if (before.size() != after.size()) {
      throw new IllegalStateException(
          "the two runs read " + before.size() + " and " + after.size() + " documents");
    }
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      Change c = compare(before.get(i), after.get(i));
      if (c != null) {
        changes.add(c);
      }
    }
    TreeSet<String> oldRules = ruleIds(oldPack);
    TreeSet<String> newRules = ruleIds(newPack);
    List<String> added = newRules.stream().filter(r -> !oldRules.contains(r)).toList();
    List<String> removed = oldRules.stream().filter(r -> !newRules.contains(r)).toList();
    Diff diff =
        new Diff(
            PackId.of(oldFiles),
            PackId.of(newFiles),
            PackDiff.of(oldFiles, newFiles),
            added,
            removed,
            before.size(),
            changes);
    String out =
        switch (format) {
          case JSON -> DiffOutput.json(diff);
          case CSV -> DiffOutput.csv(diff);
          case TEXT -> DiffOutput.text(diff);
        };
    if (sarif != null) {
      writeSarif(newPack, diff.to(), after, changes);
    }
    main.io.out().write(out.getBytes(StandardCharsets.UTF_8));
    main.io.out().flush();
    return changes.stream().anyMatch(Change::newlyFailing)
        ? ExitCode.FAILED.code
        : ExitCode.OK.code;
  }

  private void writeSarif(
      RulePack pack, PackId id, List<DeclarationResult> after, List<Change> changes)
      throws java.io.IOException {
    java.util.Set<Finding> added =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Map<DeclarationResult, List<Finding>> absent = new java.util.IdentityHashMap<>();
    for (Change c : changes) {
      added.addAll(c.added());
      absent.put(c.to(), c.removed());
    }
    try (kz.shipcheck.report.AtomicFile f = kz.shipcheck.report.AtomicFile.open(sarif)) {
      kz.shipcheck.report.SarifBaseline.write(
          f.stream(),
          new kz.shipcheck.report.ReportContext(Version.get(), pack.catalogue(), id),
          after,
          added,
          absent);
      f.stream().flush();
      f.commit();
    }
  }

  private RulePack load(PackFiles files) throws PackException {
    return RulePack.load(
        files, null, null, noCache ? null : RulePack.defaultCacheDir(), Version.get(), !noCache);
  }

  /** Every result of one run, in input order (the order does not depend on the thread count). */
  private static List<DeclarationResult> check(RulePack pack, Sources sources, LocalDate asOf)
      throws ExecutionException, InterruptedException {
    List<DeclarationResult> out = new ArrayList<>();
    BatchChecker checker =
        new BatchChecker(
            pack,
            new DeclarationReader(InputLimits.defaults(), asOf),
            Runtime.getRuntime().availableProcessors());
    checker.run(sources, new ByteArrayInputStream(new byte[0]), out::add);
    return out;
  }

  private static TreeSet<String> ruleIds(RulePack pack) {
    TreeSet<String> ids = new TreeSet<>();
    pack.catalogue().stream().map(RuleInfo::id).forEach(ids::add);
    return ids;
  }

  /** The change in one declaration's verdict, or null when outcome and findings are the same. */
  static Change compare(DeclarationResult a, DeclarationResult b) {
    if (!a.file().equals(b.file()) || a.document() != b.document()) {
      throw new IllegalStateException("runs out of step: " + a.file() + " and " + b.file());
    }
    Map<String, Finding> fa = byKey(a.findings());
    Map<String, Finding> fb = byKey(b.findings());
    List<Finding> added = new ArrayList<>();
    List<Finding> removed = new ArrayList<>();
    fb.forEach(
        (k, f) -> {
          if (!fa.containsKey(k)) {
            added.add(f);
          }
        });
    fa.forEach(
        (k, f) -> {
          if (!fb.containsKey(k)) {
            removed.add(f);
          }
        });
    if (a.outcome() == b.outcome() && added.isEmpty() && removed.isEmpty()) {
      return null;
    }
    return new Change(a, b, added, removed);
  }

  /** Findings by rule, path and message; a second equal finding counts by its number. */
  private static Map<String, Finding> byKey(List<Finding> findings) {
    Map<String, Finding> out = new LinkedHashMap<>();
    for (Finding f : findings) {
      String k = f.rule() + "\u0000" + f.path() + "\u0000" + f.message();
      String key = k;
      for (int i = 2; out.containsKey(key); i++) {
        key = k + "\u0000" + i;
      }
      out.put(key, f);
    }
    return out;
  }
}
