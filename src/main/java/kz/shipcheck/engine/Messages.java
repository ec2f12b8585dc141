package kz.shipcheck.engine;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.shipcheck.pack.PackException;
import kz.shipcheck.pack.PackFiles;

/**
 * A rule pack's words: message templates ({@code messages/messages_<lang>.properties}, ICU
 * MessageFormat with named arguments) and display names of reference rows ({@code
 * messages/names_<lang>.properties}) in each language the pack brings. English is the reference:
 * another language may lack a key (its text then falls back to English, and {@link #gaps} names
 * it), never add one. {@link #in} gives the renderer for one language.
 */
public final class Messages {
  /** The languages shipcheck speaks, English first: the values {@code --lang} accepts. */
  public static final List<String> LANGUAGES = List.of("en", "ru", "kk", "zh");

  /** The reference language: every other language falls back to it. */
  public static final String ENGLISH = "en";

  /** The pack folder that holds the messages files. */
  public static final String FOLDER = "messages/";

  private final Map<String, Map<String, String>> templates; // lang -> key -> template
  private final Map<String, Map<String, String>> names; // lang -> kind.key -> name
  private final java.util.function.Supplier<List<String>> gaps;

  private Messages(
      Map<String, Map<String, String>> templates,
      Map<String, Map<String, String>> names,
      java.util.function.Supplier<List<String>> gaps) {
    this.templates = templates;
    this.names = names;
    this.gaps = gaps;
  }

  private Messages(
      Map<String, Map<String, String>> templates,
      Map<String, Map<String, String>> names,
      List<String> gaps) {
    this(templates, names, () -> gaps);
  }

  /** A pack without messages files: every text falls back to what the rules and data say. */
  public static Messages none() {
    return new Messages(Map.of(), Map.of(), List.of());
  }

  /**
   * Whether a key is shipcheck's own word rather than a rule's: {@code ui.*}, {@code format.*},
   * {@code phrase.*} and the like (lower-case first part), and the built-in checks' keys. Every
   * pack speaks these from the bundled messages, and may override them.
   */
  static boolean toolKey(String key) {
    return !key.isEmpty() && Character.isLowerCase(key.charAt(0))
        || key.startsWith("INPUT-")
        || key.startsWith("BATCH-");
  }

  /**
   * Reads the pack's messages files. A file that is not UTF-8 or whose template does not parse is a
   * pack error naming the file and key; a file for a language shipcheck does not speak too, so that
   * a misspelt name ({@code messages_kz}) is not silently ignored.
   */
  public static Messages load(PackFiles files) throws PackException {
    Messages own = read(files);
    if (files.origin() == PackFiles.Origin.BUNDLED) {
      // the bundled pack's files are where the tool's words come from: nothing to add, and no
      // second reading of the same four files on every check
      return own;
    }
    // shipcheck's own words come with the tool: a pack that brings no ui.* keys still speaks
    Map<String, Map<String, String>> merged = new TreeMap<>();
    for (String lang : LANGUAGES) {
      Map<String, String> m = new TreeMap<>();
      Tool.WORDS
          .templates(lang)
          .forEach(
              (k, v) -> {
                if (toolKey(k)) {
                  m.put(k, v);
                }
              });
      m.putAll(own.templates(lang));
      if (!m.isEmpty()) {
        merged.put(lang, Collections.unmodifiableMap(m));
      }
    }
    return new Messages(merged, own.names, own.gaps);
  }

  /**
   * The bundled pack's messages, read from the class path once, when first asked for: the tool's
   * own words.
   */
  private static final class Tool {
    static final Messages WORDS = bundledWords();
  }

  /** The messages that come with the tool, for words spoken before or without a rule pack. */
  public static Messages bundled() {
    return Tool.WORDS;
  }

  private static Messages bundledWords() {
    Map<String, Map<String, String>> templates = new TreeMap<>();
    for (String lang : LANGUAGES) {
      String resource = PackFiles.BUNDLED_ROOT + "/" + FOLDER + "messages_" + lang + ".properties";
      try (var in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
        if (in != null) {
          Properties p = new Properties();
          p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
          Map<String, String> m = new TreeMap<>();
          p.forEach((k, v) -> m.put(k.toString(), v.toString()));
          templates.put(lang, m);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read the bundled " + resource, e);
      }
    }
    return new Messages(templates, Map.of(), List.of());
  }

  /**
   * The pack's own messages files, without the tool's words. The bundled pack's are read one
   * language at a time, when first asked for (a check reads one or two of the four; the build's
   * MessagesTest has parsed them all); any other pack's are read and checked here, so that a broken
   * file is a pack error before anything is checked.
   */
  private static Messages read(PackFiles files) throws PackException {
    Map<String, String> templateFiles = new TreeMap<>(); // lang -> file
    Map<String, String> nameFiles = new TreeMap<>();
    for (String file : files.files().keySet()) {
      if (!file.startsWith(FOLDER) || !file.endsWith(".properties")) {
        continue;
      }
      String base = file.substring(FOLDER.length(), file.length() - ".properties".length());
      boolean isNames = base.startsWith("names_");
      if (!isNames && !base.startsWith("messages_")) {
        throw new PackException(
            files.display(file),
            0,
            0,
            "a messages file is named messages_<lang>.properties or names_<lang>.properties");
      }
      String lang = base.substring(base.indexOf('_') + 1);
      if (!LANGUAGES.contains(lang)) {
        throw new PackException(
            files.display(file),
            0,
            0,
            "unknown language '" + lang + "' (" + String.join(", ", LANGUAGES) + ")");
      }
      (isNames ? nameFiles : templateFiles).put(lang, file);
    }
    LazyLanguages templates = new LazyLanguages(files, templateFiles, true);
    LazyLanguages names = new LazyLanguages(files, nameFiles, false);
    if (files.origin() != PackFiles.Origin.BUNDLED) {
      templates.readAll();
      names.readAll();
    }
    java.util.concurrent.atomic.AtomicReference<List<String>> gaps =
        new java.util.concurrent.atomic.AtomicReference<>();
    return new Messages(
        templates, names, () -> gaps.updateAndGet(g -> g != null ? g : gaps(templates)));
  }

  /**
   * One language's messages or names per language with a file, each read (and its templates parsed)
   * when first asked for, by whichever thread asks first.
   */
  private static final class LazyLanguages
      extends java.util.AbstractMap<String, Map<String, String>> {
    private final PackFiles files;
    private final Map<String, String> fileOf;
    private final boolean templates;
    private final Map<String, Map<String, String>> read =
        new java.util.concurrent.ConcurrentHashMap<>();

    LazyLanguages(PackFiles files, Map<String, String> fileOf, boolean templates) {
      this.files = files;
      this.fileOf = fileOf;
      this.templates = templates;
    }

    void readAll() throws PackException {
      for (String lang : fileOf.keySet()) {
        if (!read.containsKey(lang)) {
          read.put(lang, readLanguage(lang));
        }
      }
    }

    private Map<String, String> readLanguage(String lang) throws PackException {
      String file = fileOf.get(lang);
      Map<String, String> entries = Messages.read(files, file);
      if (templates) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
          String problem = parseProblem(e.getValue());
          if (problem != null) {
            throw new PackException(
                files.display(file),
                0,
                0,
                e.getKey() + ": the template does not parse: " + problem);
          }
        }
      }
      return Collections.unmodifiableMap(entries);
    }

    @Override
    public boolean containsKey(Object lang) {
      return fileOf.containsKey(lang);
    }

    @Override
    public Map<String, String> get(Object lang) {
      if (!(lang instanceof String l) || !fileOf.containsKey(l)) {
        return null;
      }
      return read.computeIfAbsent(
          l,
          k -> {
            try {
              return readLanguage(k);
            } catch (PackException e) {
              // only the bundled pack is read lazily, and the build has read all of it
              throw new IllegalStateException(e.getMessage(), e);
            }
          });
    }

    @Override
    public Set<Map.Entry<String, Map<String, String>>> entrySet() {
      Map<String, Map<String, String>> all = new TreeMap<>();
      for (String lang : fileOf.keySet()) {
        all.put(lang, get(lang));
      }
      return all.entrySet();
    }
  }

  private static Map<String, String> read(PackFiles files, String file) throws PackException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(files.read(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new PackException(files.display(file), 0, 0, "not UTF-8 text");
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new PackException(
          files.display(file), 0, 0, "not a properties file: " + e.getMessage());
    }
    Map<String, String> out = new TreeMap<>();
    p.forEach((k, v) -> out.put(k.toString(), v.toString()));
    return out;
  }

  /** Why an ICU MessageFormat template does not parse, or null when it does. */
  static String parseProblem(String template) {
    try {
      new MessagePattern(template);
      return null;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return e.getMessage();
    }
  }

  /** The argument names a template uses (select and plural arguments included), sorted. */
  public static Set<String> argumentNames(String template) {
    MessagePattern mp = new MessagePattern(template);
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < mp.countParts(); i++) {
      MessagePattern.Part part = mp.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
        out.add(mp.getSubstring(part));
      }
    }
    return out;
  }

  /** The languages whose messages file the pack brings, in {@link #LANGUAGES} order. */
  public List<String> languages() {
    return LANGUAGES.stream().filter(templates::containsKey).toList();
  }

  /** One language's templates, key to template (empty when the pack has no file for it). */
  public Map<String, String> templates(String lang) {
    return templates.getOrDefault(lang, Map.of());
  }

  /** One language's display names, {@code product.<key>} to name. */
  public Map<String, String> names(String lang) {
    return names.getOrDefault(lang, Map.of());
  }

  /**
   * One line per key that the pack's English file has and its file for another language lacks (its
   * text shows in English), for {@code shipcheck test}: "messages_ru.properties lacks KEY; English
   * is shown".
   */
  public List<String> gaps() {
    return gaps.get();
  }

  /** The keys of English that another language's file lacks, as {@link #gaps} lines. */
  private static List<String> gaps(Map<String, Map<String, String>> templates) {
    List<String> out = new ArrayList<>();
    Map<String, String> en = templates.getOrDefault(ENGLISH, Map.of());
    for (String lang : LANGUAGES) {
      if (lang.equals(ENGLISH) || !templates.containsKey(lang)) {
        continue;
      }
      Map<String, String> other = templates.get(lang);
      for (String key : en.keySet()) {
        if (!other.containsKey(key)) {
          out.add(FOLDER + "messages_" + lang + ".properties lacks " + key + "; English is shown");
        }
      }
    }
    return out;
  }

  /** The renderer for one of {@link #LANGUAGES}. */
  public Text in(String lang) {
    if (!LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("unknown language " + lang);
    }
    return new Text(lang, templates(lang), templates(ENGLISH), names(lang), names(ENGLISH));
  }
}
