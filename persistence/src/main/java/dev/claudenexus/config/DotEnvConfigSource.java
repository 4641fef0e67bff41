package dev.claudenexus.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * MicroProfile Config source over the {@code .env} file of the directory the service was started
 * from. Its ordinal, 250, places it below environment variables (300) and system properties (400),
 * so real environment variables win.
 */
public final class DotEnvConfigSource implements ConfigSource {

  /** System property naming the file; {@code bin/nexus} sets it to the caller's working directory. */
  public static final String FILE_PROPERTY = "nexus.env.file";

  private static final Logger LOG = Logger.getLogger(DotEnvConfigSource.class.getName());

  private final Map<String, String> values;

  public DotEnvConfigSource() {
    this(Path.of(System.getProperty(FILE_PROPERTY, ".env")));
  }

  DotEnvConfigSource(Path file) {
    this.values = load(file);
  }

  private static Map<String, String> load(Path file) {
    try {
      return DotEnvFile.read(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Ignoring the .env file {0}: {1}", new Object[] {file, e.getMessage()});
      return Map.of();
    }
  }

  @Override
  public Set<String> getPropertyNames() {
    return values.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return values.get(propertyName);
  }

  @Override
  public String getName() {
    return "dotenv";
  }

  @Override
  public int getOrdinal() {
    return 250;
  }
}
