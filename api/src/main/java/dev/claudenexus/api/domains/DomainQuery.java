package dev.claudenexus.api.domains;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Lists the domains with requests since a time, busiest first. */
public final class DomainQuery {

  /** A domain and its number of requests in the period. */
  public record DomainCount(String domain, long requests) {}

  private final Connection connection;

  public DomainQuery(Connection connection) {
    this.connection = connection;
  }

  // NOTE: the grouping reads every request of the period through the timestamp index, so its cost
  // grows with the traffic of the period, not with the whole table.
  /** Returns the domains with requests at or after {@code since}, busiest first, then by name. */
  public List<DomainCount> since(OffsetDateTime since) throws SQLException {
    String sql = "SELECT domain, COUNT(*) AS requests FROM api_requests WHERE timestamp >= ?"
        + " GROUP BY domain ORDER BY requests DESC, domain";
    List<DomainCount> domains = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, since);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          domains.add(new DomainCount(rs.getString(1), rs.getLong(2)));
        }
      }
    }
    return domains;
  }
}
