package kz.shipcheck.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import kz.shipcheck.pack.Crossing;
import kz.shipcheck.pack.Identifiers;
import kz.shipcheck.pack.PackFiles;
import kz.shipcheck.pack.Product;
import kz.shipcheck.pack.ReferenceData;
import kz.shipcheck.pack.Region;
import kz.shipcheck.pack.Restriction;

/**
 * Writes realistic synthetic declarations for benchmarks and large-batch tests. Everything comes
 * from a rule pack's own data (products, forms, HS headings, regions, crossings, laboratories, the
 * register), so the declarations stay in step with the pack: every product, every region of the
 * register, both transport modes, certificates, cold chain, heat treatment and packaging, 1 to 3
 * items each (about 1 KB, like the examples). About 70 % are written to pass; the rest carry one or
 * two of the faults brokers make (a form or product not admitted, a wrong HS code, an establishment
 * not registered for the product, a bad BIN, an outdated region, an unknown crossing, a ship date
 * before access, a missing certificate), and about 1 % cannot be read at all (a wrong type, an
 * unknown key, broken YAML). Files hold one declaration, or 2 to 20 (a third of them), in folders
 * by day; {@code --per-file N} puts exactly N in each instead (the last file may hold fewer). The
 * same seed gives the same files.
 *
 * <p>{@code --register-rows N --register-out FILE} also writes a register of N rows: the pack's
 * sample rows unchanged, then fictitious establishments marked "(synthetic)" in regions that exist
 * throughout 2025, listed before 2025, about 97 % active. The declarations then take their
 * establishment from that whole register, so that {@code shipcheck check DIR --register FILE} looks
 * up rows all over a real-sized register and still sees the same pass/fail mix.
 *
 * <pre>java -cp target/test-classes:target/shipcheck.jar kz.shipcheck.bench.DeclarationGenerator \
 *     --count 10000 --out target/bench/10k [--seed 1] [--rules rules] [--per-file N] \
 *     [--register-rows 26000 --register-out target/bench/register.csv]</pre>
 */
public final class DeclarationGenerator {
  /** What was written. */
  public record Stats(
      long declarations, long files, long bytes, long meantToPass, long faulty, long unreadable) {}

  private record Establishment(
      String registration,
      String bin,
      String region,
      List<String> products,
      LocalDate listedOn,
      boolean active) {}

  private static final LocalDate FIRST = LocalDate.of(2025, 1, 2);
  private static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2025, 12, 31);
  private static final String[] CONSIGNEES = {
    "Xi'an Chanba Trading Co.",
    "Urumqi Grain Import Co.",
    "Horgos Port Food Co.",
    "Alashankou Logistics Ltd.",
    "Chengdu Agri Import Co.",
    "Zhengzhou Cold Chain Co.",
    "Lanzhou Feed Trading Co."
  };
  private static final String[] DESTINATIONS = {
    "Xi'an", "Urumqi", "Chengdu", "Zhengzhou", "Lanzhou", "Chongqing"
  };
  private static final String[] OWNERS = {"TKR", "KZT", "CXR", "FSC", "TGH", "MSK"};
  private static final String[] PLANT_WORDS = {
    "Grain", "Astyk", "Agro", "Feed", "Oil", "Export", "Terminal", "Mill"
  };
  private static final String[] ANIMAL_WORDS = {"Meat", "Agro", "Food", "Dairy", "Farm", "Export"};
  private static final LocalDate SYNTHETIC_LISTED_FROM = LocalDate.of(2016, 1, 1);

  private final ReferenceData ref;
  private final Path rules;
  private final long seed;
  private final List<Product> admitted = new ArrayList<>();
  private final List<Product> notAdmitted = new ArrayList<>();
  private final List<Establishment> register = new ArrayList<>();
  // built once per product and in register order, so picks match the old per-declaration scans
  private final Map<String, List<Establishment>> activeFor = new HashMap<>();
  private final Map<String, List<Establishment>> notListing = new HashMap<>();
  private final List<Crossing> rail = new ArrayList<>();
  private final List<Crossing> road = new ArrayList<>();
  private final Random random;
  private int perFile;
  private boolean registerWritten;

  public DeclarationGenerator(Path rules, long seed) throws Exception {
    this.rules = rules;
    this.seed = seed;
    PackFiles pack = PackFiles.fromDirectory(rules);
    this.ref = ReferenceData.load(pack, null, null);
    this.random = new Random(seed);
    for (Product p : ref.products()) {
      (p.admitted() ? admitted : notAdmitted).add(p);
    }
    for (Crossing c : ref.crossings()) {
      if (c.openOn(YEAR_START)
          && c.openOn(LAST)) { // a planned crossing would fail every declaration
        (c.mode().equals("rail") ? rail : road).add(c);
      }
    }
    List<String> lines =
        Files.readAllLines(rules.resolve("data/register.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      if (f.length == 8) {
        register.add(
            new Establishment(
                f[0],
                f[2],
                f[3],
                List.of(f[4].split(";")),
                LocalDate.parse(f[5]),
                f[6].equals("active")));
      }
    }
  }

  public static void main(String[] args) throws Exception {
    long count = 10_000;
    Path out = null;
    long seed = 1;
    Path rules = Path.of("rules");
    int perFile = 0;
    int registerRows = -1;
    Path registerOut = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--count" -> count = Long.parseLong(args[++i].replace("_", ""));
        case "--out" -> out = Path.of(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--rules" -> rules = Path.of(args[++i]);
        case "--per-file" -> perFile = Integer.parseInt(args[++i]);
        case "--register-rows" -> registerRows = Integer.parseInt(args[++i].replace("_", ""));
        case "--register-out" -> registerOut = Path.of(args[++i]);
        default -> {
          System.err.println(
              "usage: DeclarationGenerator --count N --out DIR [--seed S] [--rules DIR] [--per-file N]"
                  + " [--register-rows N --register-out FILE]");
          System.exit(2);
        }
      }
    }
    if (out == null) {
      System.err.println("--out DIR is required");
      System.exit(2);
    }
    if (perFile < 0 || (perFile == 0 && Arrays.asList(args).contains("--per-file"))) {
      System.err.println("--per-file needs a number of declarations of at least 1");
      System.exit(2);
    }
    if ((registerRows >= 0) != (registerOut != null)) {
      System.err.println("--register-rows N and --register-out FILE go together");
      System.exit(2);
    }
    DeclarationGenerator generator = new DeclarationGenerator(rules, seed).perFile(perFile);
    if (registerOut != null) {
      int sample = generator.register.size();
      if (registerRows < sample) {
        System.err.println(
            "--register-rows must be at least "
                + sample
                + ", the rows of the pack's sample register");
        System.exit(2);
      }
      generator.writeRegister(registerRows, registerOut);
      System.err.printf(
          Locale.ROOT,
          "wrote a register of %,d rows (%,d of the pack's sample) to %s%n",
          registerRows,
          sample,
          registerOut);
    }
    Stats s = generator.write(count, out);
    System.err.printf(
        Locale.ROOT,
        "wrote %,d declarations in %,d files (%.1f MB) to %s: %,d meant to pass,"
            + " %,d with faults, %,d unreadable%n",
        s.declarations(),
        s.files(),
        s.bytes() / 1e6,
        out,
        s.meantToPass(),
        s.faulty(),
        s.unreadable());
  }

  /**
   * Puts exactly {@code n} declarations in each file (the last may hold fewer); 0, the default,
   * keeps the mix of single declarations and batches of 2 to 20.
   */
  public DeclarationGenerator perFile(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("declarations per file: " + n);
    }
    this.perFile = n;
    return this;
  }

  /**
   * Writes a register of {@code rows} rows to {@code file}: the pack's sample rows as they are,
   * then synthetic establishments. Declarations written afterwards take their establishment from
   * the whole of it. The synthetic rows come from a random of their own, so the same seed gives the
   * same register whatever else is generated.
   */
  public void writeRegister(int rows, Path file) throws IOException {
    if (registerWritten) {
      // a second call would number its rows from S000001 again: duplicate registrations
      throw new IllegalStateException("the register is written once per generator");
    }
    registerWritten = true;
    int sample = register.size();
    if (rows < sample) {
      throw new IllegalArgumentException(
          "a register of " + rows + " rows cannot hold the pack's " + sample + " sample rows");
    }
    String text =
        new String(Files.readAllBytes(rules.resolve("data/register.csv")), StandardCharsets.UTF_8);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      text += "\n";
    }
    Random r = new Random(seed * 0x9E3779B97F4A7C15L + 0x5EED);
    // a region must exist all year, and each product listed must be free of zone restrictions there
    // all year, so that a synthetic row never makes a declaration meant to pass fail
    List<String> regionKeys = new ArrayList<>();
    Map<String, List<Product>> allowed = new HashMap<>();
    for (Region region : ref.regions()) {
      if (!region.validOn(YEAR_START) || !region.validOn(LAST)) {
        continue;
      }
      List<Product> ok = admitted.stream().filter(p -> unrestricted2025(region.key(), p)).toList();
      if (!ok.isEmpty()) {
        regionKeys.add(region.key());
        allowed.put(region.key(), ok);
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(text);
      for (int n = 1; n <= rows - sample; n++) {
        String region = regionKeys.get(r.nextInt(regionKeys.size()));
        List<Product> pool = allowed.get(region);
        Product first = pool.get(r.nextInt(pool.size()));
        List<Product> sameOrigin =
            pool.stream().filter(p -> p.origin().equals(first.origin()) && p != first).toList();
        List<String> products = new ArrayList<>(List.of(first.key()));
        for (int extra = r.nextInt(3); extra > 0 && !sameOrigin.isEmpty(); extra--) {
          String k = sameOrigin.get(r.nextInt(sameOrigin.size())).key();
          if (!products.contains(k)) {
            products.add(k);
          }
        }
        LocalDate listedOn =
            LocalDate.ofEpochDay(
                SYNTHETIC_LISTED_FROM.toEpochDay()
                    + r.nextInt(
                        (int) (YEAR_START.toEpochDay() - SYNTHETIC_LISTED_FROM.toEpochDay())));
        int roll = r.nextInt(100);
        String status = roll < 97 ? "active" : roll < 99 ? "suspended" : "withdrawn";
        LocalDate since =
            status.equals("active")
                ? listedOn
                : listedOn.plusDays(
                    30 + r.nextInt((int) (LAST.toEpochDay() - listedOn.toEpochDay() - 29)));
        String registration = String.format(Locale.ROOT, "KZ-EST-S%06d", n);
        String bin = syntheticBin(r, listedOn);
        String name =
            capitalised(region)
                + " "
                + (first.isAnimal() ? pickOf(r, ANIMAL_WORDS) : pickOf(r, PLANT_WORDS))
                + " "
                + n
                + " LLP (synthetic)";
        w.write(
            registration
                + ","
                + "\""
                + name.replace("\"", "\"\"")
                + "\""
                + ","
                + bin
                + ","
                + region
                + ","
                + String.join(";", products)
                + ","
                + listedOn
                + ","
                + status
                + ","
                + since
                + "\n");
        register.add(
            new Establishment(
                registration,
                bin,
                region,
                List.copyOf(products),
                listedOn,
                status.equals("active")));
      }
    }
    activeFor.clear();
    notListing.clear();
  }

  private boolean unrestricted2025(String region, Product p) {
    // in force at some time in 2025 means in force on 1 January or on a start date within the year
    if (!ref.restrictions(region, p, YEAR_START).isEmpty()) {
      return false;
    }
    for (Restriction x : ref.restrictions()) {
      if (x.from().isAfter(YEAR_START)
          && !x.from().isAfter(LAST)
          && !ref.restrictions(region, p, x.from()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A 12-digit BIN of a legal entity (YYMM, 4, 0, serial, check digit) that passes
   * Identifiers.binValid.
   */
  private static String syntheticBin(Random r, LocalDate listedOn) {
    while (true) {
      int year = 1995 + r.nextInt(listedOn.getYear() - 1995 + 1);
      String base =
          String.format(
              Locale.ROOT, "%02d%02d40%05d", year % 100, 1 + r.nextInt(12), r.nextInt(100_000));
      for (int check = 0; check <= 9; check++) {
        if (Identifiers.binValid(base + check)) {
          return base + check;
        }
      }
    }
  }

  private static String capitalised(String key) {
    StringBuilder b = new StringBuilder();
    for (String part : key.split("-")) {
      b.append(b.length() > 0 ? "-" : "")
          .append(Character.toUpperCase(part.charAt(0)))
          .append(part.substring(1));
    }
    return b.toString();
  }

  private static String pickOf(Random r, String[] words) {
    return words[r.nextInt(words.length)];
  }

  /** Writes {@code count} declarations under {@code dir}. */
  public Stats write(long count, Path dir) throws IOException {
    long written = 0;
    long files = 0;
    long bytes = 0;
    long[] kinds = new long[3];
    while (written < count) {
      int docs = perFile > 0 ? perFile : random.nextInt(3) == 0 ? 2 + random.nextInt(19) : 1;
      docs = (int) Math.min(docs, count - written);
      LocalDate day = date(FIRST, LAST);
      Path folder =
          dir.resolve(
              String.format(
                  Locale.ROOT,
                  "%d-%02d/%02d",
                  day.getYear(),
                  day.getMonthValue(),
                  day.getDayOfMonth()));
      Files.createDirectories(folder);
      Path file =
          folder.resolve(
              String.format(
                  Locale.ROOT, docs == 1 ? "declaration-%07d.yaml" : "batch-%07d.yaml", files + 1));
      StringBuilder text = new StringBuilder();
      for (int d = 0; d < docs; d++) {
        if (d > 0) {
          text.append("---\n");
        }
        kinds[declaration(text, written + 1)]++;
        written++;
      }
      byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(file, data);
      bytes += data.length;
      files++;
    }
    return new Stats(written, files, bytes, kinds[0], kinds[1], kinds[2]);
  }

  private LocalDate date(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private String pick(String[] list) {
    return list[random.nextInt(list.length)];
  }

  /** Appends one declaration; returns 0 meant to pass, 1 with faults, 2 unreadable. */
  private int declaration(StringBuilder b, long n) {
    Product product = pick(admitted);
    List<Establishment> candidates =
        activeFor.computeIfAbsent(
            product.key(),
            k -> register.stream().filter(e -> e.active() && e.products().contains(k)).toList());
    Establishment est = candidates.isEmpty() ? pick(register) : pick(candidates);
    LocalDate earliest = FIRST;
    if (product.accessFrom() != null && product.accessFrom().isAfter(earliest)) {
      earliest = product.accessFrom();
    }
    if (est.listedOn().isAfter(earliest)) {
      earliest = est.listedOn();
    }
    LocalDate ship = date(earliest, LAST.isAfter(earliest) ? LAST : earliest);
    String region = est.region();
    Region r = ref.region(region);
    if (r == null || !r.validOn(ship)) {
      region = "kostanay";
    }
    String bin = est.bin();
    String estNumber = est.registration();
    String crossingKey;
    String mode;
    boolean bulk =
        !product.isAnimal()
            && List.of("grain", "meal", "pellets").containsAll(product.forms())
            && !product.forms().isEmpty();
    if (product.isAnimal() || random.nextInt(4) == 0) {
      mode = random.nextBoolean() ? "rail" : "road";
    } else {
      mode = "rail";
    }
    crossingKey = pick(mode.equals("rail") ? rail : road).key();
    String form = product.forms().isEmpty() ? null : pick(product.forms());
    int itemCount = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
    boolean certificate = true;
    Product shown = product;

    int kind = 0;
    int roll = random.nextInt(1000);
    if (roll < 10) {
      kind = 2;
    } else if (roll < 310) {
      kind = 1;
    }
    List<String> itemFaults = new ArrayList<>();
    if (kind == 1) {
      int faults = random.nextInt(5) == 0 ? 2 : 1;
      for (int f = 0; f < faults; f++) {
        switch (random.nextInt(10)) {
          case 0 -> itemFaults.add("form");
          case 1 -> itemFaults.add("hs");
          case 2 -> {
            List<Establishment> others =
                notListing.computeIfAbsent(
                    product.key(),
                    k -> register.stream().filter(e -> !e.products().contains(k)).toList());
            estNumber =
                others.isEmpty() ? "KZ-EST-9" + random.nextInt(1000) : pick(others).registration();
          }
          case 3 -> estNumber = "KZ-EST-9" + (100 + random.nextInt(900));
          case 4 -> bin = bin.substring(0, 11) + (char) ('0' + (bin.charAt(11) - '0' + 1) % 10);
          case 5 -> region = random.nextBoolean() ? "south-kazakhstan" : "semey";
          case 6 -> shown = notAdmitted.isEmpty() ? product : pick(notAdmitted);
          case 7 -> crossingKey = "kordai-karasu";
          case 8 -> {
            if (product.accessFrom() != null && product.accessFrom().isAfter(FIRST)) {
              ship = product.accessFrom().minusDays(1 + random.nextInt(30));
            } else {
              itemFaults.add("hs");
            }
          }
          default -> certificate = false;
        }
      }
    }

    b.append("# synthetic declaration for benchmarks (shipcheck bench generator)\n");
    b.append(String.format(Locale.ROOT, "id: KZ-CN-%d-%07d%n", ship.getYear(), n));
    b.append("shipDate: ").append(ship).append('\n');
    b.append("exporter:\n  name: ")
        .append(quote(est.registration().replace("KZ-EST-", "Exporter ") + " LLP"))
        .append('\n');
    b.append("  bin: \"").append(bin).append("\"\n");
    b.append("consignee:\n  name: ").append(quote(pick(CONSIGNEES))).append("\n  country: CN\n");
    b.append("transport:\n  mode: ")
        .append(mode)
        .append("\n  borderCrossing: ")
        .append(crossingKey)
        .append('\n');
    if (!bulk) {
      b.append("  containers: [").append(container()).append("]\n");
    }
    b.append("  destination: ").append(quote(pick(DESTINATIONS))).append('\n');
    b.append("items:\n");
    for (int i = 0; i < itemCount; i++) {
      Product p = i == 0 ? shown : product;
      String itemForm = form;
      b.append("  - product: ").append(p.key()).append('\n');
      String hs = hsCode(p, itemForm);
      if (i == 0 && itemFaults.contains("hs")) {
        hs = hsCode(pick(admitted.stream().filter(x -> x != product).toList()), null);
      }
      b.append("    hsCode: \"").append(hs).append("\"\n");
      b.append("    description: ").append(quote(p.name())).append('\n');
      if (i == 0 && itemFaults.contains("form")) {
        itemForm = product.isAnimal() ? "chilled" : "other";
      }
      if (itemForm != null) {
        b.append("    form: ").append(itemForm).append('\n');
      }
      b.append("    originRegion: ").append(region).append('\n');
      b.append("    establishment: ").append(estNumber).append('\n');
      b.append("    productionDate: ").append(ship.minusDays(3 + random.nextInt(20))).append('\n');
      double weight =
          product.isAnimal() ? 18_000 + random.nextInt(8_000) : 50_000 + random.nextInt(20_000);
      b.append(String.format(Locale.ROOT, "    netWeightKg: %.0f%n", weight));
      if (kind == 2 && i == 0) {
        switch (random.nextInt(3)) {
          case 0 -> b.append("    valuee: {amount: 1000, currency: USD}\n");
          case 1 -> b.append("    value: {amount: a lot, currency: USD}\n");
          default -> b.append("    value: {amount: 1000, currency: USD\n");
        }
      } else {
        String currency = random.nextInt(3) == 0 ? "USD" : random.nextBoolean() ? "KZT" : "CNY";
        double usdPerKg = product.isAnimal() ? 4.5 : 0.25;
        double amount = weight * usdPerKg / ref.rate(currency).usd();
        b.append(
            String.format(
                Locale.ROOT, "    value: {amount: %.0f, currency: %s}%n", amount, currency));
      }
      if ("frozen".equals(itemForm) || "chilled".equals(itemForm) || "offal".equals(itemForm)) {
        b.append("    storageTemperatureC: ")
            .append("chilled".equals(itemForm) ? 2 : -18 - random.nextInt(5))
            .append('\n');
      }
      Product.Treatment t = product.treatmentFor(itemForm);
      if (t != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "    heatTreatment:%n      coreTemperatureC: %.0f%n      minutes: %.0f%n",
                t.minCoreC().add(BigDecimal.valueOf(2)),
                t.minMinutes().add(BigDecimal.valueOf(5))));
        if (t.minHumidityPct() != null) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "      relativeHumidityPct: %.0f%n",
                  t.minHumidityPct().add(BigDecimal.valueOf(5))));
        }
      }
      if (product.maxParticleMm() != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "    particleSizeMm: %.1f%n",
                product.maxParticleMm().multiply(new BigDecimal("0.8"))));
      }
      if (product.packaged()) {
        b.append("    packaging:\n      registrationMarked: true\n");
        b.append("      chineseLabel: true\n");
        if (product.exportMarking()) {
          b.append("      exportMarking: true\n");
        }
      }
    }
    if (certificate) {
      b.append("certificates:\n");
      b.append("  - type: ").append(product.certificateType()).append('\n');
      b.append(
          String.format(
              Locale.ROOT,
              "    number: %s-%d-%06d%n",
              product.isAnimal() ? "VET" : "PHY",
              ship.getYear(),
              n));
      b.append("    issuedOn: ").append(ship.minusDays(1 + random.nextInt(3))).append('\n');
      if (!product.isAnimal()) {
        String mention =
            product.adMustMention().isEmpty()
                ? "the pests named in the protocol"
                : product.adMustMention().get(0);
        b.append("    additionalDeclaration: ")
            .append(
                quote(
                    "The consignment complies with the protocol and is free from " + mention + "."))
            .append('\n');
      }
      if (product.labReport()) {
        b.append("  - type: laboratory\n");
        b.append(String.format(Locale.ROOT, "    number: LAB-%d-%06d%n", ship.getYear(), n));
        b.append("    issuedOn: ").append(ship.minusDays(2 + random.nextInt(5))).append('\n');
        b.append("    laboratory: katu-biosafety-lab\n");
      }
    }
    return kind;
  }

  /**
   * An HS code under the product's headings, and under the form's own where it has them (HS-003).
   */
  private String hsCode(Product p, String form) {
    List<String> prefixes = form == null ? null : p.hsPrefixesByForm().get(form);
    String prefix = pick(prefixes != null ? prefixes : p.hsPrefixes());
    StringBuilder d = new StringBuilder(prefix);
    while (d.length() < 6) {
      d.append(random.nextInt(10));
    }
    return d.substring(0, 4) + "." + d.substring(4);
  }

  private String container() {
    while (true) {
      String base =
          pick(OWNERS) + "U" + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
      for (int check = 0; check <= 9; check++) {
        if (Identifiers.containerValid(base + check)) {
          return base + check;
        }
      }
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
