package kz.shipcheck.yaml;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Jackson's YAML parser, also telling the explicit tag of a key: Jackson's {@code getTypeId()} does
 * not report a tag on the first key of a mapping, which would let {@code !x id: ...} pass.
 *
 * <p>Why a subclass of Jackson's parser, and not its public API: the tag of the SnakeYAML event
 * just read is only reachable through the parser's protected {@code _lastEvent}, and a factory
 * builds its parsers only through the protected {@code _createParser} methods, so both classes are
 * extended. The alternative, a second pass over the document with SnakeYAML's own event API, would
 * parse every document twice. The members used are protected API of jackson-dataformat-yaml;
 * YamlIsDataTest and the hostile corpus fail if an upgrade changes what they report.
 */
final class TagAwareParser extends YAMLParser {
  TagAwareParser(
      IOContext ctxt,
      int parserFeatures,
      int formatFeatures,
      LoaderOptions options,
      ObjectCodec codec,
      Reader reader) {
    super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
  }

  /** The explicit tag ({@code !x}, {@code !!java.net.URL}) of the node just read, or null. */
  String explicitTag() {
    if (_lastEvent instanceof ScalarEvent s) {
      return s.getTag();
    }
    if (_lastEvent instanceof CollectionStartEvent c) {
      return c.getTag();
    }
    return null;
  }

  /** Builds {@link TagAwareParser}s; otherwise Jackson's YAML factory as configured. */
  static final class Factory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    Factory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
      return new TagAwareParser(
          ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }

    @Override
    protected YAMLParser _createParser(
        char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
      return new TagAwareParser(
          ctxt,
          _parserFeatures,
          _yamlParserFeatures,
          _loaderOptions,
          _objectCodec,
          new CharArrayReader(data, offset, len));
    }
  }
}
