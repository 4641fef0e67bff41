package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.api.stats.ConversationStats;
import dev.claudenexus.api.stats.ConversationStatsQuery;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The overview page {@code /dashboard}: stat cards over all stored conversations. */
@Named
@RequestScoped
public class OverviewPage {

  private String domain;
  private ConversationStats stats;

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain == null || domain.isBlank() ? null : domain.strip();
  }

  /** Returns the totals of the selected domain, or of all, read once per request. */
  public ConversationStats getStats() throws SQLException {
    if (stats == null) {
      try (Connection connection = DataSources.nexus().getConnection()) {
        stats = new ConversationStatsQuery(connection, Optional.ofNullable(domain), Optional.empty())
            .query(QueryParameters.now());
      }
    }
    return stats;
  }
}
