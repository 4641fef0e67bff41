package dev.claudenexus.launcher;

import dev.claudenexus.schema.DatabaseVendor;
import dev.claudenexus.schema.SchemaMigrator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code bin/nexus copy-conversation}: copies every stored request of one conversation (all its
 * branches, the sub-agent requests on its {@code subtask_N} branches included) from the database
 * the services use to another database, in one transaction at the destination.
 */
final class CopyConversationCommand {

  private final Environment env;
  private final Path home;

  CopyConversationCommand(Environment env, Path home) {
    this.env = env;
    this.home = home;
  }

  int run(CopyOptions options, PrintStream out) throws CommandFailedException {
    DatabaseTarget destination = DatabaseTarget.parse(CopyOptions.DEST_DB, options.destination());
    DatabaseTarget source = source();
    List<String> secrets = new ArrayList<>(source.secrets());
    secrets.addAll(destination.secrets());
    quietLogs();
    try (Connection from = connect(source, "source", secrets);
        Connection to = connect(destination, "destination", secrets)) {
      return copy(options, source, from, destination, to, out);
    } catch (SQLException e) {
      throw new CommandFailedException("copying the conversation failed, and nothing was written to"
          + " the destination: " + Redaction.scrub(e.getMessage(), secrets), e);
    }
  }

  private int copy(CopyOptions options, DatabaseTarget source, Connection from,
      DatabaseTarget destination, Connection to, PrintStream out)
      throws SQLException, CommandFailedException {
    DatabaseVendor sourceVendor = DatabaseVendor.of(from);
    DatabaseVendor destinationVendor = DatabaseVendor.of(to);
    if (identity(from, sourceVendor).equals(identity(to, destinationVendor))) {
      throw new IllegalArgumentException(CopyOptions.DEST_DB + " names the source database "
          + source.description() + "; give another database to copy into");
    }
    SchemaTables schema = SchemaTables.inspect(to);
    if (!SchemaTables.inspect(from).hasRequests()) {
      throw new CommandFailedException("the source database " + source.description() + " has no"
          + " api_requests table; set DATABASE_URL (or DATABASE_JDBC_URL) as for bin/nexus start");
    }
    schema.checkOurs(destination.description());
    if (!hasRequests(from, options.conversationId())) {
      throw new CommandFailedException("conversation " + options.conversationId() + " has no stored"
          + " requests in " + source.description() + "; copy the id from the dashboard's"
          + " conversation page, and run the command with the settings the services use");
    }
    out.println("Copying conversation " + options.conversationId() + " from "
        + source.description() + " to " + destination.description()
        + (options.dryRun() ? " (dry run)" : ""));
    if (options.dryRun()) {
      out.println(schema.hasRequests()
          ? "The destination schema would be migrated to the current version first, if needed."
          : "The destination has none of the proxy's tables yet; a real run creates them first.");
    } else {
      migrate(destination);
      out.println("The destination schema is at the current version.");
    }
    from.setReadOnly(true);
    from.setAutoCommit(false);
    // One snapshot of the source, so the plan and the copied rows agree.
    from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    to.setAutoCommit(false);
    boolean destinationReady = !options.dryRun() || schema.hasRequests();
    ConversationCopier copier = new ConversationCopier(from, sourceVendor,
        destinationReady ? to : null, destinationVendor);
    CopyPlan plan = copier.plan(options.conversationId(), options.includeChunks());
    CopyReport.plan(plan, out);
    if (options.dryRun()) {
      to.rollback();
      out.println("Dry run: nothing was written.");
      return 0;
    }
    ConversationCopier.CopyResult result = copier.copy(plan);
    to.commit();
    CopyReport.result(result, plan.includesChunks(), out);
    return 0;
  }

  private static void migrate(DatabaseTarget destination) throws CommandFailedException {
    try {
      SchemaMigrator.migrate(destination.dataSource());
    } catch (SQLException e) {
      throw new CommandFailedException("the destination database " + destination.description()
          + " cannot be brought to the proxy's schema (" + Redaction.scrub(e.getMessage(),
          destination.secrets()) + "); copy into an empty database or one that the proxy uses", e);
    }
  }

  /** Returns the database the services use, without creating a missing embedded one. */
  private DatabaseTarget source() throws CommandFailedException {
    Path data = home.resolve("data");
    boolean embedded = env.get("DATABASE_URL").isEmpty() && env.get("DATABASE_JDBC_URL").isEmpty();
    if (embedded && !Files.exists(data.resolve("nexus.mv.db"))) {
      throw new CommandFailedException("there is no embedded database at " + data.resolve("nexus.mv.db")
          + "; run bin/nexus with the NEXUS_HOME the services use, or set DATABASE_URL");
    }
    return DatabaseTarget.of(DatabaseSettings.from(env, data));
  }

  private static Connection connect(DatabaseTarget target, String role, List<String> secrets)
      throws CommandFailedException {
    try {
      return target.dataSource().getConnection();
    } catch (SQLException e) {
      String hint = role.equals("destination")
          ? "check the host, port, database, user and password in " + CopyOptions.DEST_DB
              + " and that the server accepts connections"
          : "check DATABASE_URL (or DATABASE_JDBC_URL) in the environment or .env";
      throw new CommandFailedException("cannot connect to the " + role + " database "
          + target.description() + " (" + Redaction.scrub(e.getMessage(), secrets) + "); " + hint, e);
    }
  }

  private static boolean hasRequests(Connection connection, UUID conversationId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT 1 FROM api_requests WHERE conversation_id = ? FETCH FIRST 1 ROWS ONLY")) {
      statement.setObject(1, conversationId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Returns text that is equal for two connections to the same database. */
  private static String identity(Connection connection, DatabaseVendor vendor) throws SQLException {
    String query = vendor == DatabaseVendor.POSTGRESQL
        ? "SELECT current_database(), inet_server_addr()::text, inet_server_port()::text"
        : "SELECT DATABASE_PATH(), CURRENT_CATALOG, ''";
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return vendor + ":" + Objects.toString(rs.getString(1)) + ":" + rs.getString(2) + ":"
          + rs.getString(3);
    }
  }

  private static void quietLogs() {
    // Flyway and the drivers log every step at INFO, which would bury the report.
    Logger.getLogger("").setLevel(Level.WARNING);
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
  }
}
