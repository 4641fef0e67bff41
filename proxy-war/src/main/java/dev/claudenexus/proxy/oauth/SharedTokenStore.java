package dev.claudenexus.proxy.oauth;

import static dev.claudenexus.json.JsonProviders.JSON;

import dev.claudenexus.schema.DatabaseVendor;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Coordinates token refreshes between proxy instances that share a database. On PostgreSQL a refresh
 * runs under a session advisory lock per domain, and the newest token pair is kept encrypted in
 * {@code oauth_tokens}, because the provider rotates refresh tokens and only the newest one works.
 * Without a database, or on H2 (one instance), the work runs without a database lock.
 */
final class SharedTokenStore {

  /** Finds the data source; throws when it is not available. */
  @FunctionalInterface
  interface DataSourceLookup {
    DataSource get() throws SQLException;
  }

  /** Work done while the domain's refresh lock is held. */
  @FunctionalInterface
  interface LockedWork<T> {
    T run(Session session) throws OAuthRefreshException;
  }

  private static final Logger LOG = Logger.getLogger(SharedTokenStore.class.getName());

  private final DataSourceLookup dataSources;
  private final TokenCipher cipher;

  SharedTokenStore(DataSourceLookup dataSources, TokenCipher cipher) {
    this.dataSources = dataSources;
    this.cipher = cipher;
  }

  <T> T withLock(String domain, LockedWork<T> work) throws OAuthRefreshException {
    Connection connection;
    try {
      connection = dataSources.get().getConnection();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "No database for the OAuth refresh of {0}: {1}", new Object[] {domain, e});
      return work.run(new Session(null, domain));
    }
    try (connection) {
      boolean postgres = DatabaseVendor.of(connection) == DatabaseVendor.POSTGRESQL;
      if (!postgres) {
        return work.run(new Session(connection, domain));
      }
      lock(connection, "SELECT pg_advisory_lock(hashtext(?))", domain);
      try {
        return work.run(new Session(connection, domain));
      } finally {
        lock(connection, "SELECT pg_advisory_unlock(hashtext(?))", domain);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "The database lock of the OAuth refresh of {0} failed: {1}",
          new Object[] {domain, e.getMessage()});
      return work.run(new Session(null, domain));
    }
  }

  private static void lock(Connection connection, String sql, String domain) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, "nexus-oauth:" + domain);
      statement.execute();
    }
  }

  /** Reads and writes the stored pair of one domain while its lock is held. */
  final class Session {
    private final Connection connection;
    private final String domain;

    private Session(Connection connection, String domain) {
      this.connection = connection;
      this.domain = domain;
    }

    /** Returns the stored pair, or empty when there is none, no key, or no database. */
    Optional<RefreshedTokens> read() {
      if (connection == null || cipher == null) {
        return Optional.empty();
      }
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT encrypted_tokens FROM oauth_tokens WHERE domain = ?")) {
        statement.setString(1, domain);
        try (ResultSet rows = statement.executeQuery()) {
          return rows.next() ? Optional.of(fromJson(cipher.decrypt(domain, rows.getString(1)))) : Optional.empty();
        }
      } catch (SQLException | GeneralSecurityException | RuntimeException e) {
        LOG.log(Level.WARNING, "Ignoring the stored OAuth tokens of {0}: {1}", new Object[] {domain, e.toString()});
        return Optional.empty();
      }
    }

    /** Stores the pair. Failures are only logged, because the credential file still contains it. */
    void write(RefreshedTokens tokens) {
      if (connection == null || cipher == null) {
        return;
      }
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM oauth_tokens WHERE domain = ?");
          PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO oauth_tokens (domain, encrypted_tokens, expires_at) VALUES (?, ?, ?)")) {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        delete.setString(1, domain);
        delete.executeUpdate();
        insert.setString(1, domain);
        insert.setString(2, cipher.encrypt(domain, toJson(tokens)));
        insert.setLong(3, tokens.expiresAtMillis());
        insert.executeUpdate();
        connection.commit();
        connection.setAutoCommit(autoCommit);
      } catch (SQLException | GeneralSecurityException e) {
        LOG.log(Level.WARNING, "Could not store the OAuth tokens of {0} in the database: {1}",
            new Object[] {domain, e.toString()});
      }
    }
  }

  static String toJson(RefreshedTokens tokens) {
    JsonArrayBuilder scopes = JSON.createArrayBuilder();
    tokens.scopes().forEach(scopes::add);
    return JSON.createObjectBuilder()
        .add("accessToken", tokens.accessToken())
        .add("refreshToken", tokens.refreshToken())
        .add("expiresAt", tokens.expiresAtMillis())
        .add("scopes", scopes)
        .build()
        .toString();
  }

  static RefreshedTokens fromJson(String text) {
    JsonObject json = JSON.createReader(new StringReader(text)).readObject();
    List<String> scopes = new ArrayList<>();
    for (JsonValue scope : json.getJsonArray("scopes")) {
      scopes.add(((jakarta.json.JsonString) scope).getString());
    }
    return new RefreshedTokens(json.getString("accessToken"), json.getString("refreshToken"),
        json.getJsonNumber("expiresAt").longValue(), scopes);
  }
}
