package dev.claudenexus.api.conversations;

import dev.claudenexus.api.ApiFlavor;
import dev.claudenexus.api.audit.Audited;
import dev.claudenexus.api.cache.CachedRead;
import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/conversations}: conversations ordered by their latest request, newest first, with
 * {@code domain}, {@code accountId}, {@code dateFrom}, {@code dateTo} and {@code excludeSubtasks}
 * filters. Pages by {@code limit} and {@code offset}, or by the {@code cursor} that each page returns
 * as {@code nextCursor}; only the cursor keeps deep pages fast.
 */
@Path("conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

  @Inject ApiFlavor flavor;

  @GET
  @CachedRead
  @Audited(AuditAction.CONVERSATION_VIEW)
  public JsonObject conversations(@QueryParam("domain") String domain,
      @QueryParam("accountId") String accountId, @QueryParam("dateFrom") String dateFrom,
      @QueryParam("dateTo") String dateTo, @QueryParam("excludeSubtasks") String excludeSubtasks,
      @QueryParam("limit") String limit, @QueryParam("offset") String offset,
      @QueryParam("cursor") String cursor) throws SQLException {
    ConversationSelection selection = ConversationSelection.parse(domain, accountId, dateFrom,
        dateTo, excludeSubtasks, limit, offset, cursor);
    boolean proxy = flavor == ApiFlavor.PROXY;
    try (Connection connection = DataSources.nexus().getConnection()) {
      ConversationPage page = page(connection, selection, proxy);
      return proxy ? ConversationsJson.proxyShape(page, selection)
          : ConversationsJson.dashboardShape(page);
    }
  }

  /** Reads one page; counts all selected conversations only when {@code withTotal}. */
  public static ConversationPage page(Connection connection, ConversationSelection selection,
      boolean withTotal) throws SQLException {
    ConversationPageQuery pages = new ConversationPageQuery(connection);
    List<LatestRequest> latest = pages.latest(selection, selection.limit() + 1);
    boolean more = latest.size() > selection.limit();
    List<LatestRequest> pageRows = more ? latest.subList(0, selection.limit()) : latest;
    return new ConversationPage(
        new ConversationSummaryQuery(connection).summaries(selection, pageRows),
        more ? Optional.of(pageRows.get(pageRows.size() - 1).cursor()) : Optional.empty(),
        withTotal ? Optional.of(pages.total(selection)) : Optional.empty());
  }
}
