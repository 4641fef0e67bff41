package dev.claudenexus.launcher;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.credentials.ClientKeys;
import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.demo.DemoAccount;
import dev.claudenexus.demo.DemoAccounts;
import dev.claudenexus.demo.DemoRun;
import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Java steps of {@code bin/nexus demo}. {@code prepare} writes the credential files of the two
 * demo domains and prints the settings the demo's services run with. {@code run} is the background
 * process that serves the fake API and plays the sessions. Everything the demo writes stays under
 * {@code NEXUS_HOME/demo}, apart from pid, port and log files.
 */
final class DemoCommand {

  static final String TEAM_ACCOUNT = "demo-team";
  static final String SOLO_ACCOUNT = "demo-solo";

  /**
   * The solo account's 5-hour limit of output tokens, set in its credential file. It is small, so
   * one play of the demo uses most of it and the dashboard shows the limit colours.
   */
  static final long SOLO_TOKEN_LIMIT = 2_500;

  /** Upstream key of the demo's credential files. The fake API accepts any key. */
  private static final String FAKE_UPSTREAM_KEY = "sk-ant-api03-demo-fake-upstream";

  private static final String SETS_FILE = "sets-started";

  private final Environment env;
  private final Path demoHome;

  DemoCommand(Environment env, Path home) {
    this.env = env;
    this.demoHome = home.resolve("demo");
  }

  /**
   * Returns the settings of the demo's services as {@code NAME=value} lines. They keep both
   * services on loopback, on an H2 database of their own, with the demo's credentials, and without
   * Slack messages, telemetry or test samples, whatever the environment or {@code .env} sets.
   */
  List<String> settings() {
    return List.of(
        "HOST=127.0.0.1",
        "DATABASE_URL=",
        "DATABASE_JDBC_URL=jdbc:h2:file:" + demoHome.resolve("data").resolve("nexus")
            + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0",
        "DATABASE_USER=",
        "DATABASE_PASSWORD=",
        "CREDENTIALS_DIR=" + credentialsDirectory(),
        "ENABLE_CLIENT_AUTH=true",
        "STORAGE_ENABLED=true",
        "STORE_STREAMING_CHUNKS=true",
        "SLACK_ENABLED=false",
        "TELEMETRY_ENABLED=false",
        "COLLECT_TEST_SAMPLES=false");
  }

  /**
   * Writes the credential files of the two demo domains, {@code 127.0.0.1:PORT} and
   * {@code localhost:PORT}, unless they exist, and returns the accounts with their client keys.
   */
  DemoAccounts writeCredentials() throws IOException {
    int port = ServiceLaunch.proxyPort(env);
    return new DemoAccounts(
        account("127.0.0.1", port, TEAM_ACCOUNT, null),
        account("localhost", port, SOLO_ACCOUNT, SOLO_TOKEN_LIMIT));
  }

  /**
   * Runs the background process: starts the fake API, plays the next set of sessions once the proxy
   * reports its database connected, then serves the fake until the process is stopped.
   *
   * @return 1 when the sessions failed; it does not return after a successful play
   */
  int run(Path runDirectory) throws IOException, InterruptedException {
    DemoAccounts accounts = writeCredentials();
    int set = nextSet();
    int timeoutSeconds = env.integer("NEXUS_START_TIMEOUT", 240, 1, 86_400);
    DemoRun demo = new DemoRun(runDirectory, URI.create("http://127.0.0.1:" + ServiceLaunch.proxyPort(env)),
        Duration.ofSeconds(timeoutSeconds + 60L));
    FakeAnthropicApi fake = demo.startUpstream();
    if (!demo.play(fake, accounts, set)) {
      return 1;
    }
    DemoRun.awaitStop();
    return 0;
  }

  Path credentialsDirectory() {
    return demoHome.resolve("credentials");
  }

  /** Records that the next set of sessions starts in this demo home and returns its number, from 1. */
  int nextSet() throws IOException {
    Files.createDirectories(demoHome);
    Path file = demoHome.resolve(SETS_FILE);
    int played = 0;
    if (Files.exists(file)) {
      try {
        played = Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + " does not contain a whole number; delete it to start counting again");
      }
    }
    Files.writeString(file, (played + 1) + "\n", StandardCharsets.UTF_8);
    return played + 1;
  }

  private DemoAccount account(String host, int port, String accountId, Long tokenLimit) throws IOException {
    String domain = host + ":" + port;
    Path file = credentialsDirectory().resolve(domain + CredentialFile.FILE_SUFFIX);
    String clientKey;
    if (Files.exists(file)) {
      clientKey = clientKeyOf(file);
    } else {
      clientKey = ClientKeys.generate();
      JsonObjectBuilder json = JSON.createObjectBuilder()
          .add("type", CredentialFile.TYPE_API_KEY)
          .add("accountId", accountId)
          .add("api_key", FAKE_UPSTREAM_KEY)
          .add("client_api_key", clientKey);
      if (tokenLimit != null) {
        json.add("token_limit_5h", tokenLimit);
      }
      CredentialFileWriter.create(file, json.build());
    }
    return new DemoAccount(URI.create("http://" + domain), clientKey);
  }

  private static String clientKeyOf(Path file) throws IOException {
    try (JsonReader reader = JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
      JsonObject json = reader.readObject();
      String key = json.getString("client_api_key", "");
      if (key.isBlank()) {
        throw new IllegalArgumentException(file + " has no client_api_key; delete it and run bin/nexus demo again");
      }
      return key;
    } catch (jakarta.json.JsonException | ClassCastException e) {
      throw new IllegalArgumentException(file + " is not a valid credential file; delete it and run bin/nexus demo again");
    }
  }
}
