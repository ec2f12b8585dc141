package kz.shipcheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The per-language display names of the reference data (rules/messages/names_LANG.properties:
 * products, regions, crossings, forms, certificate types, laboratories, decrees) cover every row of
 * the data files and name no row that does not exist, so that a row added to products.yaml without
 * its names, or a key renamed in one place only, fails the build instead of showing a raw key (or a
 * stale name) to a broker.
 */
class NamesFilesTest {
  private static final Path MESSAGES = Path.of("rules", "messages");

  /** Every {@code group.key} the names files must hold, with the row's English name. */
  static Map<String, String> expectedKeys(PackFiles pack, ReferenceData ref) throws PackException {
    Map<String, String> keys = new TreeMap<>();
    ref.products().forEach(p -> keys.put("product." + p.key(), p.name()));
    ref.regions().forEach(r -> keys.put("region." + r.key(), r.name()));
    ref.crossings().forEach(c -> keys.put("crossing." + c.key(), c.name()));
    ref.forms().forEach(f -> keys.put("form." + f.key(), f.name()));
    ref.certificateTypes().forEach(c -> keys.put("certificate." + c.key(), c.name()));
    ref.laboratories().forEach(l -> keys.put("laboratory." + l.key(), l.name()));
    // ReferenceData looks decrees up by key only; the rows themselves come from the file
    for (DataRow d : DataRow.readList(pack, ReferenceData.DECREES)) {
      keys.put("decree." + d.text("key", true), d.text("name", true));
    }
    return keys;
  }

  /**
   * What is wrong with one names file, one line per problem; empty when it is complete. The bytes
   * must be UTF-8 (a file saved as Windows-1251 or GBK is an error, not mojibake at run time).
   */
  static List<String> problems(String file, byte[] bytes, Map<String, String> expected) {
    List<String> out = new ArrayList<>();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      out.add(file + ": not UTF-8 (" + e.getMessage() + ")");
      return out;
    }
    Map<String, String> entries = new LinkedHashMap<>();
    Set<String> duplicates = new TreeSet<>();
    // Properties keeps the last of two equal keys silently; a duplicate is a translator's slip
    Properties props =
        new Properties() {
          @Override
          public synchronized Object put(Object key, Object value) {
            if (entries.put((String) key, (String) value) != null) {
              duplicates.add((String) key);
            }
            return super.put(key, value);
          }
        };
    try {
      props.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      out.add(file + ": not a properties file (" + e.getMessage() + ")");
      return out;
    }
    duplicates.forEach(k -> out.add(file + ": key " + k + " appears more than once"));
    for (String k : expected.keySet()) {
      String v = entries.get(k);
      if (v == null) {
        out.add(file + ": no name for " + k + " (" + expected.get(k) + ")");
      } else if (v.isBlank()) {
        out.add(file + ": empty name for " + k);
      } else if (v.strip().equalsIgnoreCase(expected.get(k).strip())) {
        out.add(file + ": " + k + " is the English name, not a translation");
      }
    }
    for (String k : entries.keySet()) {
      if (!expected.containsKey(k)) {
        out.add(file + ": " + k + " names no row of rules/data");
      }
    }
    return out;
  }

  @Test
  void everyNamesFileHasEveryRowAndNoOther() throws Exception {
    PackFiles pack = PackFiles.fromDirectory(Path.of("rules"));
    Map<String, String> expected = expectedKeys(pack, ReferenceData.load(pack, null, null));
    List<Path> files;
    try (Stream<Path> s = Files.list(MESSAGES)) {
      files =
          s.filter(p -> p.getFileName().toString().matches("names_[a-z]{2}\\.properties"))
              .sorted()
              .toList();
    }
    Set<String> langs = new TreeSet<>();
    files.forEach(p -> langs.add(p.getFileName().toString().substring(6, 8)));
    assertTrue(langs.containsAll(Set.of("ru", "kk", "zh")), "names files found: " + langs);
    List<String> all = new ArrayList<>();
    for (Path p : files) {
      all.addAll(problems(p.toString(), Files.readAllBytes(p), expected));
    }
    assertEquals(List.of(), all);
  }

  // The check above must be able to fail: each kind of problem on a small made-up file.

  private static final Map<String, String> TWO =
      new TreeMap<>(Map.of("product.wheat", "wheat for processing", "region.abai", "Abai Region"));

  @Test
  void aCompleteFileHasNoProblems() {
    byte[] ok =
        "product.wheat = пшеница\nregion.abai = область Абай\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), problems("f", ok, TWO));
  }

  @Test
  void aMissingRowIsReported() {
    byte[] b = "product.wheat = пшеница\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("f: no name for region.abai (Abai Region)"), problems("f", b, TWO));
  }

  @Test
  void aKeyForNoRowIsReported() {
    byte[] b =
        "product.wheat = пшеница\nregion.abai = область Абай\nregion.semey = Семей\n"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("f: region.semey names no row of rules/data"), problems("f", b, TWO));
  }

  @Test
  void anUntranslatedOrEmptyOrDuplicateNameIsReported() {
    byte[] b =
        "product.wheat = Wheat for processing\nregion.abai =\nregion.abai = \n"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(
        List.of(
            "f: key region.abai appears more than once",
            "f: product.wheat is the English name, not a translation",
            "f: empty name for region.abai"),
        problems("f", b, TWO));
  }

  @Test
  void aFileNotInUtf8IsReported() {
    byte[] cp1251 =
        "product.wheat = пшеница\nregion.abai = область Абай\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1251"));
    List<String> p = problems("f", cp1251, TWO);
    assertEquals(1, p.size());
    assertTrue(p.get(0).startsWith("f: not UTF-8"), p.get(0));
  }
}
