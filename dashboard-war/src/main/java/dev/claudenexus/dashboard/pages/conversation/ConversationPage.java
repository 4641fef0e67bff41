package dev.claudenexus.dashboard.pages.conversation;

import dev.claudenexus.api.audit.AuditTrail;
import dev.claudenexus.api.conversations.ConversationBranch;
import dev.claudenexus.api.conversations.ConversationRequest;
import dev.claudenexus.api.conversations.ConversationRequestsQuery;
import dev.claudenexus.api.conversations.ConversationTotals;
import dev.claudenexus.api.conversations.RequestPosition;
import dev.claudenexus.api.conversations.RequestSelection;
import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.dashboard.pages.PageAudit;
import dev.claudenexus.dashboard.pages.request.RequestIds;
import dev.claudenexus.storage.DataSources;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The conversation page {@code /dashboard/conversation/{id}}: branch chips ({@code ?branch=}
 * filters), a stats panel, and the requests as a tree or a timeline ({@code ?view=tree|timeline};
 * the timeline pages back with {@code ?before=}). An id that is not a UUID gets status 400, a
 * conversation without requests 404.
 */
@Named
@RequestScoped
public class ConversationPage {

  @Inject AuditTrail audit;

  private String id;
  private String branch;
  private String view;
  private String before;
  private boolean loaded;
  private UUID conversationId;
  private List<ConversationBranch> branches = List.of();
  private RequestSelection selection;
  private ConversationTotals totals;
  private Optional<ConversationRequest> latest = Optional.empty();
  private TreeLayout tree;
  private ConversationTimeline.Page timeline;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getBranch() {
    return branch;
  }

  public void setBranch(String branch) {
    this.branch = branch == null || branch.isBlank() ? null : branch;
  }

  public String getView() {
    return view;
  }

  public void setView(String view) {
    this.view = view;
  }

  /** Returns the view to render: {@code tree} or {@code timeline}. */
  public String getSelectedView() throws SQLException {
    ensureLoaded();
    return ConversationViews.parse(view);
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  /**
   * Reads the conversation, sets the status of a page that has nothing to show, and audits the
   * view.
   */
  public void load() throws SQLException {
    ensureLoaded();
    int status = 200;
    if (conversationId == null) {
      status = 400;
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    } else if (branches.isEmpty()) {
      status = 404;
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }
    audit.record(PageAudit.request(), AuditAction.CONVERSATION_VIEW, id, status);
  }

  /** Returns the page title: the short conversation id, or why there is nothing to show. */
  public String getTitle() throws SQLException {
    ensureLoaded();
    if (conversationId == null) {
      return "Invalid conversation id";
    }
    return branches.isEmpty() ? "Conversation not found"
        : "Conversation " + id.substring(0, 8);
  }

  public boolean isInvalidId() throws SQLException {
    ensureLoaded();
    return conversationId == null;
  }

  public boolean isFound() throws SQLException {
    ensureLoaded();
    return !branches.isEmpty();
  }

  public String getConversationId() {
    return conversationId == null ? null : conversationId.toString();
  }

  /** Returns whether the selected branch is not a branch of this conversation. */
  public boolean isUnknownBranch() throws SQLException {
    ensureLoaded();
    return branch != null && branches.stream().noneMatch(b -> b.branchId().equals(branch));
  }

  public List<BranchChip> getChips() throws SQLException {
    ensureLoaded();
    return ConversationLinks.chips(conversationId, branches, branch, ConversationViews.parse(view));
  }

  public ConversationStats getStats() throws SQLException {
    ensureLoaded();
    return new ConversationStats(totals, latest);
  }

  /** Returns the tree of the newest selected requests, read once. */
  public TreeLayout getTree() throws SQLException {
    ensureLoaded();
    if (tree == null) {
      try (Connection connection = DataSources.nexus().getConnection()) {
        tree = ConversationTree.read(new ConversationRequestsQuery(connection), selection);
      }
    }
    return tree;
  }

  /** Returns whether the tree leaves out older requests of the selection. */
  public boolean isTreeCut() throws SQLException {
    return getTree().nodes().size() < totals.requests();
  }

  public ConversationTimeline.Page getTimeline() throws SQLException {
    ensureLoaded();
    if (timeline == null) {
      Optional<RequestPosition> position = ConversationLinks.position(before);
      try (Connection connection = DataSources.nexus().getConnection()) {
        timeline = ConversationTimeline.read(new ConversationRequestsQuery(connection),
            selection, position);
      }
    }
    return timeline;
  }

  /** Returns the timeline page after the last shown row, or {@code null} on the last page. */
  public String getOlderHref() throws SQLException {
    return getTimeline().next()
        .map(next -> ConversationLinks.older(conversationId, branch, next)).orElse(null);
  }

  /** Returns the path of this page with another view, keeping the branch. */
  public String viewHref(String otherView) {
    return ConversationLinks.page(conversationId, branch, otherView);
  }

  private void ensureLoaded() throws SQLException {
    if (loaded) {
      return;
    }
    loaded = true;
    Optional<UUID> parsed = RequestIds.parse(id);
    if (parsed.isEmpty()) {
      return;
    }
    conversationId = parsed.get();
    try (Connection connection = DataSources.nexus().getConnection()) {
      ConversationRequestsQuery query = new ConversationRequestsQuery(connection);
      branches = query.branches(conversationId);
      selection = branch == null ? RequestSelection.all(conversationId)
          : RequestSelection.branch(conversationId, branch, branches.stream()
              .filter(b -> b.branchId().equals(branch)).findFirst()
              .map(ConversationBranch::firstTimestamp).orElse(null));
      if (!branches.isEmpty()) {
        totals = query.totals(selection);
        latest = query.requests(selection, Optional.empty(), 1).stream().findFirst();
      }
    }
  }
}
