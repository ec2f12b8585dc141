package kz.shipcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.shipcheck.input.DeclarationReader;
import kz.shipcheck.input.ReadDocument;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.yaml.InputLimits;
import kz.shipcheck.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipcheck init}: a template per admitted product that reads cleanly and passes the pack.
 */
class InitCommandTest {
  static final String SHIP_DATE = "2025-11-12";

  /** Every admitted product in every admitted form (or none, where its protocol lists none). */
  static List<String[]> productsAndForms() throws Exception {
    ReferenceData data = ReferenceData.load(PackFiles.bundled(), null, null);
    List<String[]> out = new ArrayList<>();
    for (Product p : data.products()) {
      if (!p.admitted()) {
        continue;
      }
      if (p.forms().isEmpty()) {
        out.add(new String[] {p.key(), null});
      }
      for (String f : p.forms()) {
        out.add(new String[] {p.key(), f});
      }
    }
    return out;
  }

  @Test
  void everyAdmittedProductsTemplatePassesTheBundledPackAsGenerated(@TempDir Path dir)
      throws Exception {
    List<String[]> all = productsAndForms();
    assertTrue(all.size() >= 25, "templates: " + all.size());
    for (String[] pf : all) {
      Cli.Run r =
          pf[1] == null
              ? Cli.run("init", "--product", pf[0], "--ship-date", SHIP_DATE)
              : Cli.run("init", "--product", pf[0], "--form", pf[1], "--ship-date", SHIP_DATE);
      assertEquals(0, r.code(), pf[0] + " " + pf[1] + ": " + r.err());
      assertEquals("", r.err());
      Files.writeString(dir.resolve(pf[0] + (pf[1] == null ? "" : "-" + pf[1]) + ".yaml"), r.out());
    }
    // the fixture runner checks each file on its own (the templates share their placeholder id)
    // and a file without expect comments must pass: no finding at all, not even a warning
    Cli.Run t = Cli.run("test", dir.toString());
    assertEquals(0, t.code(), t.out());
    assertTrue(t.out().contains(all.size() + " fixtures: " + all.size() + " matched"), t.out());
  }

  @Test
  void templatesReadWithoutInputErrorsOnTodaysDateAndMatchTheSchema() throws Exception {
    var schema = SchemaCommandTest.validator(Cli.run("schema").out());
    DeclarationReader reader = new DeclarationReader(InputLimits.defaults(), null);
    for (String[] pf : productsAndForms()) {
      Cli.Run r =
          pf[1] == null
              ? Cli.run("init", "--product", pf[0])
              : Cli.run("init", "--product", pf[0], "--form", pf[1]);
      if (r.code() != 0) {
        // a product admitted after today cannot have a template for today
        assertTrue(r.err().contains("is on the access list only from"), r.err());
        continue;
      }
      assertTrue(r.out().contains("shipDate: " + LocalDate.now() + " "), r.out());
      List<ReadDocument> docs =
          reader.readBytes(pf[0] + ".yaml", r.out().getBytes(StandardCharsets.UTF_8));
      assertEquals(1, docs.size());
      assertEquals(List.of(), docs.get(0).problems(), pf[0] + " " + pf[1] + ":\n" + r.out());
      JsonNode json =
          YamlJson.of(
              new YamlReader(InputLimits.defaults()).parse(YamlReader.split(r.out()).get(0)));
      assertEquals(List.of(), schema.validate(json), pf[0] + " " + pf[1]);
    }
  }

  @Test
  void theTemplateNamesWhatTheProductsRulesNeed() {
    Cli.Run r = Cli.run("init", "--product", "feed-barley-flour", "--ship-date", SHIP_DATE);
    assertEquals(0, r.code(), r.err());
    String t = r.out();
    assertTrue(t.contains("  - type: phytosanitary "), t);
    assertTrue(
        t.contains(
            "    additionalDeclaration: \"The consignment meets the requirements of the GACC protocol"),
        t);
    assertTrue(t.contains("      coreTemperatureC: 85 "), t);
    assertTrue(t.contains("      minutes: 5 "), t);
    assertTrue(t.contains("      relativeHumidityPct: 80 "), t);
    assertTrue(t.contains("    particleSizeMm: 1 "), t);
    assertTrue(t.contains("      exportMarking: true "), t);
    assertTrue(t.contains("    hsCode: \"1102.90\" "), t);
    assertFalse(t.contains("type: laboratory"), t);

    // frozen beef is declared under 0202; 0201 is fresh or chilled beef (HS-003)
    t = Cli.run("init", "--product", "beef", "--ship-date", SHIP_DATE).out();
    assertTrue(t.contains("    hsCode: \"0202\" "), t);
    assertTrue(t.contains("under 0202 (frozen)"), t);

    r = Cli.run("init", "--product", "pork", "--form", "chilled", "--ship-date", SHIP_DATE);
    t = r.out();
    assertTrue(t.contains("  - type: veterinary "), t);
    assertTrue(t.contains("  - type: laboratory "), t);
    assertTrue(t.contains("    laboratory: katu-biosafety-lab "), t);
    assertTrue(t.contains("    storageTemperatureC: 2 "), t);
    assertTrue(t.contains("    establishment: KZ-EST-0042 "), t);
    assertTrue(t.contains("    originRegion: east-kazakhstan "), t);
    assertFalse(t.contains("heatTreatment"), t);

    r = Cli.run("init", "--product", "wheat", "--ship-date", SHIP_DATE);
    assertTrue(r.out().contains("areas free from Tilletia controversa (dwarf bunt)"), r.out());

    r = Cli.run("init", "--product", "honey", "--ship-date", SHIP_DATE);
    assertTrue(r.out().contains("    # form: none needed"), r.out());
    assertTrue(r.out().contains("      chineseLabel: true "), r.out());
  }

  @Test
  void aCustomPacksDataDrivesTheTemplate() {
    Cli.Run r =
        Cli.run(
            "init",
            "--product",
            "wheat",
            "--ship-date",
            SHIP_DATE,
            "--rules",
            TestCommandTest.EXAMPLE_PACK);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("    establishment: KZ-EST-0900 "), r.out());
    assertTrue(r.out().contains("    originRegion: akmola "), r.out());
    assertTrue(r.out().contains("  borderCrossing: dostyk-alashankou "), r.out());

    r = Cli.run("init", "--product", "pork", "--rules", TestCommandTest.EXAMPLE_PACK);
    assertEquals(2, r.code());
    assertEquals("error: unknown product 'pork' (products on the access list: wheat)\n", r.err());
  }

  @Test
  void heatTreatedFormAddsTheProtocolsTreatment() {
    Cli.Run r =
        Cli.run("init", "--product", "pork", "--form", "heat-treated", "--ship-date", SHIP_DATE);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("    heatTreatment: "), r.out());
    assertTrue(r.out().contains("      coreTemperatureC: 70 "), r.out());
    assertTrue(r.out().contains("      minutes: 30 "), r.out());
    assertFalse(r.out().contains("storageTemperatureC"), r.out());
  }

  @Test
  void aRegisterGivenWithRegisterIsUsed(@TempDir Path dir) throws Exception {
    Path register = dir.resolve("register.csv");
    Files.writeString(
        register,
        "registration,name,bin,region,products,listedOn,status,statusSince\n"
            + "KZ-PORK-77,Irtysh Pork LLP,190640005554,abai,pork,2025-10-16,active,2025-10-16\n");
    Cli.Run r =
        Cli.run(
            "init",
            "--product",
            "pork",
            "--ship-date",
            SHIP_DATE,
            "--register",
            register.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("    establishment: KZ-PORK-77 "), r.out());
    assertTrue(r.out().contains("    originRegion: abai "), r.out());
  }

  @Test
  void whatTheDataCannotFillIsAWarningOnStderr() {
    // pork is admitted from 2025-10-15, but the sample register lists it from 2025-10-20
    Cli.Run r = Cli.run("init", "--product", "pork", "--ship-date", "2025-10-16");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("    establishment: KZ-EST-0000 "), r.out());
    assertEquals(
        "warning: no register row lists pork on 2025-10-16: the template names a placeholder"
            + " establishment; this template will not pass until you fill it in\n",
        r.err());
  }

  @Test
  void refusalsAreOneLineUsageErrors() {
    Cli.Run r = Cli.run("init", "--product", "rice");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: rice is not on the access list: "), r.err());

    r = Cli.run("init", "--product", "porkk");
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .startsWith(
                "error: unknown product 'porkk'; did you mean pork? (products on the access list: wheat,"),
        r.err());

    r = Cli.run("init", "--product", "pork", "--ship-date", "2025-01-01");
    assertEquals(2, r.code());
    assertEquals(
        "error: pork is on the access list only from 2025-10-15, not on 2025-01-01"
            + " (give --ship-date 2025-10-15 or later)\n",
        r.err());

    r = Cli.run("init", "--product", "beef", "--form", "chilled");
    assertEquals(2, r.code());
    assertEquals(
        "error: form 'chilled' is not admitted for beef; its protocol admits: frozen\n", r.err());

    r = Cli.run("init", "--product", "pork", "--ship-date", "2025-02-30");
    assertEquals(2, r.code());
    assertEquals("error: --ship-date: not a date (yyyy-mm-dd): '2025-02-30'\n", r.err());

    r = Cli.run("init");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: Missing required option: '--product=KEY'"), r.err());
  }

  /**
   * {@code init --lang X} changes the comments and nothing else: the same keys and values, line by
   * line, the same parsed declaration, and a language whose messages have no init.* key yet gives
   * the English template as it is. Independent of what the translations say.
   */
  @Test
  void aTemplateInAnotherLanguageIsTheSameDeclaration() throws Exception {
    YamlReader yaml = new YamlReader(InputLimits.defaults());
    for (String lang : List.of("ru", "kk", "zh")) {
      boolean translated =
          kz.shipcheck.engine.Messages.bundled().templates(lang).keySet().stream()
              .anyMatch(k -> k.startsWith("init."));
      for (String[] pf :
          List.of(new String[] {"pork", "frozen"}, new String[] {"feed-barley-flour", null})) {
        List<String> args =
            new ArrayList<>(List.of("init", "--product", pf[0], "--ship-date", SHIP_DATE));
        if (pf[1] != null) {
          args.addAll(List.of("--form", pf[1]));
        }
        Cli.Run en = Cli.run(args.toArray(String[]::new));
        args.addAll(List.of("--lang", lang));
        Cli.Run other = Cli.run(args.toArray(String[]::new));
        assertEquals(0, en.code(), en.err());
        assertEquals(0, other.code(), lang + ": " + other.err());
        assertEquals(code(en.out()), code(other.out()), lang + " " + pf[0]);
        assertEquals(
            YamlJson.of(yaml.parse(YamlReader.split(en.out()).get(0))),
            YamlJson.of(yaml.parse(YamlReader.split(other.out()).get(0))),
            lang + " " + pf[0]);
        if (!translated) {
          assertEquals(
              en.out(), other.out(), lang + " has no init.* message: the template stays English");
        }
      }
    }
  }

  /** A template's lines without their comments: what a declaration reader sees, in order. */
  private static List<String> code(String template) {
    List<String> out = new ArrayList<>();
    for (String line : template.split("\n")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      int comment = line.indexOf("  # ");
      out.add((comment < 0 ? line : line.substring(0, comment)).stripTrailing());
    }
    return out;
  }
}
