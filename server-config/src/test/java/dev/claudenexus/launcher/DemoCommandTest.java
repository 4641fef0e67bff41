package dev.claudenexus.launcher;

import static dev.claudenexus.json.JsonProviders.JSON;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.credentials.CredentialFileParser;
import dev.claudenexus.demo.DemoAccounts;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir Path home;

  private DemoCommand command(Map<String, String> variables) {
    return new DemoCommand(new Environment(variables), home);
  }

  private Path credentialFile(String domain) {
    return home.resolve("demo/credentials").resolve(domain + CredentialFile.FILE_SUFFIX);
  }

  @Test
  void settingsOverrideDatabaseAndNotifications() {
    List<String> settings = command(Map.of()).settings();

    assertTrue(settings.contains("HOST=127.0.0.1"), settings::toString);
    assertTrue(settings.contains("DATABASE_URL="), settings::toString);
    assertTrue(settings.contains("DATABASE_JDBC_URL=jdbc:h2:file:" + home.resolve("demo/data/nexus")
        + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0"), settings::toString);
    assertTrue(settings.contains("CREDENTIALS_DIR=" + home.resolve("demo/credentials")), settings::toString);
    assertTrue(settings.contains("ENABLE_CLIENT_AUTH=true"), settings::toString);
    assertTrue(settings.contains("SLACK_ENABLED=false"), settings::toString);
    assertTrue(settings.contains("TELEMETRY_ENABLED=false"), settings::toString);
    assertTrue(settings.contains("COLLECT_TEST_SAMPLES=false"), settings::toString);
  }

  @Test
  void settingsAreNameValueLines() {
    for (String setting : command(Map.of()).settings()) {
      assertTrue(setting.matches("[A-Z_0-9]+=[^\\n]*"), setting);
    }
  }

  @Test
  void settingsSelectEmbeddedH2Database() {
    Environment demo = new Environment(settingsAsMap(command(Map.of()).settings()));

    DatabaseSettings database = DatabaseSettings.from(demo, home.resolve("data"));

    assertEquals("org.h2.jdbcx.JdbcDataSource", database.dataSourceClass());
    assertTrue(database.description().contains(home.resolve("demo/data/nexus").toString()),
        database.description());
  }

  @Test
  void credentialsWrittenForBothDomains() throws Exception {
    DemoAccounts accounts = command(Map.of("PROXY_PORT", "23456")).writeCredentials();

    CredentialFile team = parse("127.0.0.1:23456");
    CredentialFile solo = parse("localhost:23456");
    assertEquals(DemoCommand.TEAM_ACCOUNT, team.accountId());
    assertEquals(DemoCommand.SOLO_ACCOUNT, solo.accountId());
    assertEquals(team.clientApiKey(), accounts.team().clientKey());
    assertEquals(solo.clientApiKey(), accounts.solo().clientKey());
    assertEquals("http://127.0.0.1:23456", accounts.team().baseUrl().toString());
    assertEquals("http://localhost:23456", accounts.solo().baseUrl().toString());
  }

  @Test
  void credentialFilesArePrivate() throws Exception {
    command(Map.of("PROXY_PORT", "23456")).writeCredentials();

    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(credentialFile("127.0.0.1:23456"))));
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(credentialFile("localhost:23456"))));
  }

  @Test
  void soloAccountHasSmallTokenLimit() throws Exception {
    command(Map.of("PROXY_PORT", "23456")).writeCredentials();

    assertEquals(DemoCommand.SOLO_TOKEN_LIMIT, json("localhost:23456").getJsonNumber("token_limit_5h").longValue());
    assertFalse(json("127.0.0.1:23456").containsKey("token_limit_5h"));
  }

  @Test
  void secondPrepareKeepsClientKeys() throws Exception {
    DemoAccounts first = command(Map.of("PROXY_PORT", "23456")).writeCredentials();
    DemoAccounts second = command(Map.of("PROXY_PORT", "23456")).writeCredentials();

    assertEquals(first, second);
  }

  @Test
  void otherPortGetsOwnDomains() throws Exception {
    command(Map.of("PROXY_PORT", "23456")).writeCredentials();
    command(Map.of("PROXY_PORT", "23457")).writeCredentials();

    assertTrue(Files.exists(credentialFile("127.0.0.1:23457")));
    assertTrue(Files.exists(credentialFile("localhost:23457")));
  }

  @Test
  void setsCountedFromOne() throws Exception {
    DemoCommand demo = command(Map.of());

    assertEquals(1, demo.nextSet());
    assertEquals(2, demo.nextSet());
    assertEquals(3, command(Map.of()).nextSet());
  }

  private CredentialFile parse(String domain) throws Exception {
    return CredentialFileParser.parse(domain, Files.readString(credentialFile(domain)));
  }

  private JsonObject json(String domain) throws Exception {
    return JSON.createReader(new StringReader(Files.readString(credentialFile(domain)))).readObject();
  }

  private static Map<String, String> settingsAsMap(List<String> settings) {
    Map<String, String> map = new java.util.HashMap<>();
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      map.put(setting.substring(0, equals), setting.substring(equals + 1));
    }
    return map;
  }
}
