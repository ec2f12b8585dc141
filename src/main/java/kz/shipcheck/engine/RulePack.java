package kz.shipcheck.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kz.shipcheck.input.InputRules;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.result.RuleInfo;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * A loaded rule pack: the compiled KieBase (shared by every worker; sessions are per thread), the
 * rule catalogue from the rules' metadata, and the reference data the rules read.
 */
public final class RulePack {
  private final KieBase kieBase;
  private final ReferenceData data;
  private final Map<String, RuleInfo> byRuleName;
  private final List<RuleInfo> catalogue;
  private final String name;
  private final Messages messages;
  private final Text text;
  private String timing = "";
  private String cacheNotice;

  private RulePack(
      KieBase kieBase,
      ReferenceData data,
      Map<String, RuleInfo> byRuleName,
      String name,
      Messages messages,
      Text text) {
    this.kieBase = kieBase;
    this.data = data;
    this.byRuleName = byRuleName;
    this.name = name;
    this.messages = messages;
    this.text = text;
    List<RuleInfo> all = new ArrayList<>();
    for (RuleInfo r : InputRules.ALL) {
      all.add(titled(r, text));
    }
    for (RuleInfo r : byRuleName.values()) {
      all.add(titled(r, text));
    }
    all.sort(Comparator.comparing(RuleInfo::id));
    this.catalogue = List.copyOf(all);
  }

  /**
   * The rule with its title in the text's language (the English or built-in title where it has
   * none).
   */
  private static RuleInfo titled(RuleInfo r, Text text) {
    return new RuleInfo(
        r.id(),
        r.severity(),
        text.title(r.id(), r.title()),
        r.reference(),
        r.basis(),
        r.data(),
        r.file(),
        r.line());
  }

  /**
   * The same pack speaking another of {@link Messages#LANGUAGES}: titles in the catalogue and the
   * findings' messages and hints in that language. The compiled rules and data are shared.
   */
  public RulePack in(String lang) {
    if (lang.equals(text.language())) {
      return this;
    }
    RulePack p = new RulePack(kieBase, data, byRuleName, name, messages, messages.in(lang));
    p.timing = timing;
    p.cacheNotice = cacheNotice;
    return p;
  }

  /** The pack's messages in every language it brings. */
  public Messages messages() {
    return messages;
  }

  /** The renderer of the pack's chosen language. */
  public Text text() {
    return text;
  }

  /**
   * Compiles the pack's DRL and loads its data.
   *
   * @param registerName display name of {@code registerOverride}
   * @param registerOverride the {@code --register} file's bytes, or null for the pack's sample
   */
  public static RulePack load(PackFiles files, String registerName, byte[] registerOverride)
      throws PackException {
    return load(files, registerName, registerOverride, null, null);
  }

  /**
   * As {@link #load(PackFiles, String, byte[])}, reusing a compiled pack from the cache folder when
   * one matches the DRL sources.
   *
   * @param cacheDir the cache folder, or null for no cache
   * @param toolVersion part of the cache key, so another build never reads this one's entries
   */
  public static RulePack load(
      PackFiles files,
      String registerName,
      byte[] registerOverride,
      java.nio.file.Path cacheDir,
      String toolVersion)
      throws PackException {
    return load(files, registerName, registerOverride, cacheDir, toolVersion, false);
  }

  /**
   * As {@link #load(PackFiles, String, byte[], java.nio.file.Path, String)}, and when {@code
   * builtIn}, the bundled pack's rule base is built from the executable model made with shipcheck
   * ({@link BundledModel}) when that was made from exactly these files; otherwise, and for any
   * other pack, the DRL is compiled or read from the cache.
   */
  public static RulePack load(
      PackFiles files,
      String registerName,
      byte[] registerOverride,
      java.nio.file.Path cacheDir,
      String toolVersion,
      boolean builtIn)
      throws PackException {
    long t0 = System.nanoTime();
    Map<String, byte[]> drl = files.drlSources();
    // The compiled rules (read from the cache or compiled) and the reference data do not depend
    // on each other: on two cores, reading both at once takes a fifth off a one-file check.
    PackCache cache = cacheDir == null ? null : PackCache.at(cacheDir);
    java.util.concurrent.FutureTask<Compiled> rules =
        new java.util.concurrent.FutureTask<>(
            () -> {
              if (builtIn) {
                KieBase model = HeadStart.model(files);
                if (model == null) {
                  model = BundledModel.kieBase(files);
                }
                if (model != null) {
                  return new Compiled(model, "built into shipcheck", null);
                }
              }
              String key = cache == null ? null : PackCache.key(files, String.valueOf(toolVersion));
              String doubt = null;
              if (cache != null) {
                // read ahead for this key, so checked against the same DRL's rules already
                PackCache.Loaded cached = HeadStart.loaded(cacheDir, key);
                if (cached == null) {
                  // the rules as the DRL declares them: what an entry must hold, whatever it says
                  cached = cache.load(key, DrlRules.of(drl));
                }
                if (cached.kieBase() != null) {
                  return new Compiled(cached.kieBase(), "from the cache", null);
                }
                doubt = cached.doubt();
              }
              KieBase kb = compile(files, drl);
              if (cache == null) {
                return new Compiled(kb, "compiled, no cache", null);
              }
              cache.store(key, kb, DrlRules.of(drl));
              return new Compiled(kb, "compiled and cached", doubt);
            });
    if (!drl.isEmpty()) {
      Thread loader = new Thread(rules, "shipcheck-rules");
      loader.setDaemon(true);
      loader.start();
    }
    ReferenceData data = registerOverride == null ? HeadStart.data(files) : null;
    String dataHow = data == null ? "" : ", read ahead";
    try {
      if (data == null) {
        data = ReferenceData.load(files, registerName, registerOverride);
      }
    } catch (PackException | RuntimeException e) {
      rules.cancel(true); // a data error is reported first, as when the two were read in turn
      throw e;
    }
    long t1 = System.nanoTime();
    if (drl.isEmpty()) {
      throw new PackException(files.displayRoot(), 0, 0, "the rule pack holds no .drl files");
    }
    // the rules' lines in the DRL text (for the catalogue): read here while the rules load
    DrlRuleLines ruleLines = new DrlRuleLines(drl);
    Compiled compiled;
    try {
      compiled = rules.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the rules", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof PackException pe) {
        throw pe;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    long t2 = System.nanoTime();
    Messages messages = HeadStart.messages(files);
    if (messages == null) {
      messages = Messages.load(files);
    }
    Map<String, RuleInfo> infos = RuleMetadata.read(files, ruleLines, compiled.kieBase(), messages);
    RulePack pack =
        new RulePack(
            compiled.kieBase(),
            data,
            infos,
            files.displayRoot(),
            messages,
            messages.in(Messages.ENGLISH));
    pack.cacheNotice = compiled.doubt();
    long t3 = System.nanoTime();
    pack.timing =
        String.format(
            java.util.Locale.ROOT,
            "data %d ms%s, rules %d ms after the data (%s; the two load at once), catalogue %d ms",
            (t1 - t0) / 1_000_000,
            dataHow,
            (t2 - t1) / 1_000_000,
            compiled.how(),
            (t3 - t2) / 1_000_000);
    return pack;
  }

  /**
   * The compiled rules and where they came from, for {@code --debug}.
   *
   * @param doubt why a cache entry was discarded, or null
   */
  private record Compiled(KieBase kieBase, String how, String doubt) {}

  private static KieBase compile(PackFiles files, Map<String, byte[]> drl) throws PackException {
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    for (Map.Entry<String, byte[]> e : drl.entrySet()) {
      builder.add(
          ResourceFactory.newByteArrayResource(e.getValue()).setSourcePath(e.getKey()),
          ResourceType.DRL);
      if (builder.hasErrors()) {
        throw compileError(files, e.getKey(), builder.getErrors());
      }
    }
    return builder.newKieBase();
  }

  private static PackException compileError(
      PackFiles files, String fallback, Collection<KnowledgeBuilderError> errors) {
    KnowledgeBuilderError first = errors.iterator().next();
    String file =
        first.getResource() != null && first.getResource().getSourcePath() != null
            ? first.getResource().getSourcePath()
            : fallback;
    int line = first.getLines() != null && first.getLines().length > 0 ? first.getLines()[0] : 0;
    int col = 0;
    if (first instanceof ParserError pe) {
      line = pe.getRow();
      col = pe.getCol() + 1; // the DRL parser counts columns from 0
    }
    String message =
        first.getMessage() == null
            ? "does not compile"
            : first.getMessage().trim().replaceAll("\\s+", " ");
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : "";
    return new PackException(
        files.display(file),
        Math.max(line, 0),
        Math.max(col, 0),
        "DRL does not compile: " + message + more);
  }

  KieBase kieBase() {
    return kieBase;
  }

  Map<String, RuleInfo> rulesByName() {
    return byRuleName;
  }

  /** The pack's reference data. */
  public ReferenceData data() {
    return data;
  }

  /** Every rule, built-in checks included, sorted by id. */
  public List<RuleInfo> catalogue() {
    return catalogue;
  }

  /** The rule with this id, or null. */
  public RuleInfo rule(String id) {
    for (RuleInfo r : catalogue) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }

  public String name() {
    return name;
  }

  /**
   * How long loading took, for {@code --debug}: data, rules (and whether from the cache),
   * catalogue.
   */
  public String loadTiming() {
    return timing;
  }

  /**
   * One line for stderr when loading discarded a cache entry (someone changed it, or it is not the
   * pack's; the rules were compiled from the DRL instead), otherwise null.
   */
  public String cacheNotice() {
    return cacheNotice;
  }

  /**
   * The standard cache folder, or why there is none.
   *
   * @param dir the folder, or null when the cache is not to be used
   * @param refusal one line for stderr saying why it is not used, or null
   */
  public record CacheFolder(java.nio.file.Path dir, String refusal) {}

  /** The standard cache folder (see {@link CacheLocation#locate}), or why it is refused. */
  public static CacheFolder cacheFolder() {
    CacheLocation.Location l = CacheLocation.standard();
    return new CacheFolder(l.dir(), l.refusal());
  }

  /** The standard cache folder, or null when it is refused (see {@link #cacheFolder()}). */
  public static java.nio.file.Path defaultCacheDir() {
    return CacheLocation.standard().dir();
  }

  /** A new evaluator with its own session; use one per thread. */
  public Evaluator newEvaluator() {
    return new Evaluator(this);
  }
}
