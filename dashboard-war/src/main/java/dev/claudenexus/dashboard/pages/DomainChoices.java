package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.domains.DomainQuery;
import dev.claudenexus.api.domains.DomainsResource;
import dev.claudenexus.api.query.QueryParameters;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The choices of the domain filters: the domains of the last 7 days, busiest first, as
 * {@code /api/domains} lists them.
 */
@Named
@RequestScoped
public class DomainChoices {

  @Inject SlowReads slowReads;

  private List<String> recent;

  /**
   * Returns the domains with requests in the last 7 days, read once per request. The read groups
   * every request of the 7 days, so a slow one is kept by {@link SlowReads}.
   */
  public List<String> getRecent() throws SQLException {
    if (recent == null) {
      recent = slowReads.get("recent-domains", DomainChoices::read);
    }
    return recent;
  }

  private static List<String> read() throws SQLException {
    try (Connection connection = DataSources.nexus().getConnection()) {
      return new DomainQuery(connection)
          .since(QueryParameters.now().minus(DomainsResource.WINDOW)).stream()
          .map(DomainQuery.DomainCount::domain)
          .toList();
    }
  }

  /**
   * Returns the choices with {@code selected} added at the end when it had no requests lately, so
   * a filter from an old link still shows as chosen.
   */
  public List<String> including(String selected) throws SQLException {
    List<String> domains = getRecent();
    if (selected == null || domains.contains(selected)) {
      return domains;
    }
    List<String> choices = new ArrayList<>(domains);
    choices.add(selected);
    return choices;
  }
}
