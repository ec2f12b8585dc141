package kz.shipcheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModuleModel;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * The bundled pack's rules as Drools' executable model: its DRL turned into Java classes when
 * shipcheck is built ({@link #main}, run by {@code mvn} after compiling), so that a check with the
 * bundled pack builds its rule base from classes already in the jar (and in the class-data archive)
 * instead of reading compiled packages back from the cache: a third of the CPU time of a one-file
 * check, and no compiling of the DRL on the first run (docs/performance.md).
 *
 * <p>Used only for the bundled pack, and only when the model was made from exactly its files: the
 * build writes the pack's sha256 beside the classes, and a pack whose sha256 differs (a jar with
 * other rules than it was built with, an edited build folder) is compiled from its DRL as any other
 * pack. Custom packs, and {@code --no-cache}, compile the DRL. That both ways give the same
 * findings over every example and rule fixture, in every language, is {@code BundledModelTest}'s;
 * and they use the same DRL, so the same rules, ids and lines.
 */
public final class BundledModel {
  /** Beside the classes: the pack's sha256 and the model's class. */
  static final String MARKER = "kz/shipcheck/engine/bundled-model.properties";

  private BundledModel() {}

  /**
   * The rule base of the bundled pack from its executable model, or null when these are not the
   * bundled pack's files, the build made no model, or it was made from other files.
   */
  static KieBase kieBase(PackFiles files) {
    if (files.origin() != PackFiles.Origin.BUNDLED) {
      return null;
    }
    Properties marker = new Properties();
    KieBase kieBase;
    try (InputStream in = BundledModel.class.getClassLoader().getResourceAsStream(MARKER)) {
      if (in == null) {
        return null;
      }
      marker.load(in);
      CanonicalKieModuleModel project =
          (CanonicalKieModuleModel)
              Class.forName(marker.getProperty("model")).getConstructor().newInstance();
      kieBase = KieBaseBuilder.createKieBaseFromModel(project.getModels());
    } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
      // a jar whose model is missing or broken still checks right: from the DRL, as --debug shows
      return null;
    }
    // compared after building, not before: the head start hashes the pack on another thread
    // meanwhile, and a model made from other files is only thrown away
    return files.sha256().equals(marker.getProperty("sha256")) ? kieBase : null;
  }

  /**
   * Makes the executable model of the pack in {@code CLASSES/shipcheck-pack} (the build's copy of
   * {@code rules/}) and writes its classes and the marker into {@code CLASSES}: {@code mvn} runs
   * this after compiling. Any message of the DRL compiler fails the build.
   */
  public static void main(String[] args) throws IOException, PackException {
    Path classes = Path.of(args[0]);
    PackFiles files = PackFiles.fromDirectory(classes.resolve(PackFiles.BUNDLED_ROOT));
    KieServices ks = KieServices.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(ks.newReleaseId("kz.shipcheck", "bundled-rules", "1"));
    for (Map.Entry<String, byte[]> e : files.drlSources().entrySet()) {
      // in the folder of its package (kz.shipcheck.rules.access in access.drl), as Drools expects
      String stem = e.getKey().substring(0, e.getKey().length() - ".drl".length());
      kfs.write("src/main/resources/kz/shipcheck/rules/" + stem + "/" + e.getKey(), e.getValue());
    }
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
    List<Message> messages = builder.getResults().getMessages();
    if (!messages.isEmpty()) {
      messages.forEach(m -> System.err.println("bundled model: " + m));
      System.exit(1);
    }
    InternalKieModule module = (InternalKieModule) builder.getKieModule();
    String model = null;
    int written = 0;
    for (String name : module.getFileNames()) {
      if (!name.endsWith(".class")) {
        continue; // the DRL copies and Maven's and Drools' descriptors: not used
      }
      Path to = classes.resolve(name);
      Files.createDirectories(to.getParent());
      Files.write(to, module.getBytes(name));
      written++;
      if (name.startsWith("org/drools/project/model/ProjectModel_")) {
        model = name.substring(0, name.length() - ".class".length()).replace('/', '.');
      }
    }
    if (model == null) {
      System.err.println("bundled model: no ProjectModel class among " + written + " classes");
      System.exit(1);
    }
    // written by hand, not Properties.store: no date in it, so a rebuild gives the same jar
    Files.writeString(
        classes.resolve(MARKER),
        "sha256=" + files.sha256() + "\nmodel=" + model + "\n",
        StandardCharsets.UTF_8);
  }
}
