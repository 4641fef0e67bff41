package dev.claudenexus.config;

import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Directories of one installation: {@code NEXUS_HOME} (default: the working directory) contains
 * {@code data/}, {@code logs/} and the pid files, so several copies can run side by side.
 */
public final class NexusPaths {

  private NexusPaths() {}

  /** Returns the installation directory from {@code NEXUS_HOME} or the working directory. */
  public static Path home() {
    String home =
        ConfigProvider.getConfig().getOptionalValue("NEXUS_HOME", String.class).orElse(".");
    return Path.of(home).toAbsolutePath().normalize();
  }

  /** Returns the data directory, {@code NEXUS_HOME/data}. */
  public static Path dataDirectory() {
    return home().resolve("data");
  }
}
