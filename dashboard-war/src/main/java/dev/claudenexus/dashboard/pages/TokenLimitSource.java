package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.tokenusage.TokenLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The token limits of the accounts, read from {@code CREDENTIALS_DIR} (the proxy's credential
 * files, relative to the working directory) and {@code TOKEN_LIMIT_5H}. They are read again at most
 * every {@value #RELOAD_SECONDS} seconds, so an edited file applies without a restart. A problem is
 * logged when it first appears, not on every read.
 */
@ApplicationScoped
public class TokenLimitSource {

  static final int RELOAD_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(TokenLimitSource.class.getName());

  private TokenLimits limits;
  private long readAtNanos;
  private List<String> loggedProblems = List.of();

  /** Returns the current limits. */
  public synchronized TokenLimits current() {
    long now = System.nanoTime();
    if (limits == null || now - readAtNanos > Duration.ofSeconds(RELOAD_SECONDS).toNanos()) {
      Config config = ConfigProvider.getConfig();
      limits = TokenLimits.read(credentialsDirectory(config),
          config.getOptionalValue(TokenLimits.SETTING, String.class));
      readAtNanos = now;
      logNewProblems(limits.problems());
    }
    return limits;
  }

  private void logNewProblems(List<String> problems) {
    for (String problem : problems) {
      if (!loggedProblems.contains(problem)) {
        LOG.warning(problem);
      }
    }
    loggedProblems = problems;
  }

  /** Resolves the directory as the proxy does: relative to the working directory, {@code ~} to the user's home. */
  static Path credentialsDirectory(Config config) {
    String directory = config.getOptionalValue("CREDENTIALS_DIR", String.class).orElse("credentials").strip();
    if (directory.startsWith("~")) {
      directory = System.getProperty("user.home") + directory.substring(1);
    }
    return Path.of(directory).toAbsolutePath().normalize();
  }
}
