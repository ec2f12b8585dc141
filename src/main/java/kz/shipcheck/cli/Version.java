package kz.shipcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code shipcheck.properties}. */
public final class Version implements IVersionProvider {
  private static final String VERSION = load();

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/shipcheck.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  public static String get() {
    return VERSION;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "shipcheck " + VERSION,
      "rule engine: Drools (bundled rule pack: Kazakhstan to China agri-food protocols)"
    };
  }
}
