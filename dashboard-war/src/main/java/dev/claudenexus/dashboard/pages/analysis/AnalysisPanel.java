package dev.claudenexus.dashboard.pages.analysis;

import dev.claudenexus.analysis.AnalysisSettings;
import dev.claudenexus.analysis.AnalysisStatus;
import dev.claudenexus.analysis.AnalysisStore;
import dev.claudenexus.analysis.ErrorHistory;
import dev.claudenexus.analysis.StoredAnalysis;
import dev.claudenexus.analysis.job.CostCap;
import dev.claudenexus.analysis.prompt.AnalysisPrompt;
import dev.claudenexus.api.access.AccessSettings;
import dev.claudenexus.api.access.DashboardRoles;
import dev.claudenexus.api.audit.AuditTrail;
import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.dashboard.pages.PageAudit;
import dev.claudenexus.dashboard.pages.conversation.ConversationPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The analysis panel of the conversation page, for the shown branch ({@code main} unless the page
 * filters another). Its state is {@code idle} (no analysis yet), {@code pending},
 * {@code processing}, {@code completed} or {@code failed}.
 */
@Named
@RequestScoped
public class AnalysisPanel {

  @Inject ConversationPage conversation;
  @Inject AnalysisStore store;
  @Inject AuditTrail audit;

  private boolean loaded;
  private Optional<StoredAnalysis> analysis = Optional.empty();
  private Optional<AnalysisSections> sections = Optional.empty();

  /** Returns the branch the panel analyses. */
  public String getBranchId() {
    String branch = conversation.getBranch();
    return branch == null ? "main" : branch;
  }

  public String getState() throws SQLException {
    load();
    return analysis.map(a -> a.status().value()).orElse("idle");
  }

  /** Returns whether the viewer may start analyses: a key or an admin login, not read-only mode. */
  public boolean isCanWrite() {
    return !AccessSettings.current().readOnly()
        && FacesContext.getCurrentInstance().getExternalContext().isUserInRole(DashboardRoles.ADMIN);
  }

  public String getDefaultPrompt() {
    return AnalysisPrompt.DEFAULT_INSTRUCTION;
  }

  public String getCustomPrompt() throws SQLException {
    load();
    return analysis.map(StoredAnalysis::customPrompt).orElse(null);
  }

  public AnalysisSections getSections() throws SQLException {
    load();
    return sections.orElse(null);
  }

  /** Returns the stored text of a completed analysis whose output was not valid JSON. */
  public String getRawContent() throws SQLException {
    load();
    return sections.isPresent() ? null : analysis.map(StoredAnalysis::content).orElse(null);
  }

  public String getError() throws SQLException {
    load();
    return analysis.map(a -> ErrorHistory.latestMessage(a.error())).orElse(null);
  }

  public StoredAnalysis getAnalysis() throws SQLException {
    load();
    return analysis.orElse(null);
  }

  /** Returns whether a pending analysis waits because the daily cost cap is spent. */
  public boolean isWaitingForCostCap() throws SQLException {
    load();
    return analysis.filter(a -> a.status() == AnalysisStatus.PENDING).isPresent()
        && CostCap.reached(AnalysisSettings.current(), store).isPresent();
  }

  private void load() throws SQLException {
    if (loaded) {
      return;
    }
    loaded = true;
    String id = conversation.getConversationId();
    if (id == null) {
      return;
    }
    analysis = store.find(UUID.fromString(id), getBranchId());
    sections = analysis.flatMap(a -> AnalysisSections.parse(a.data()));
    if (analysis.isPresent()) {
      audit.record(PageAudit.request(), AuditAction.ANALYSIS_VIEW, id + "/" + getBranchId(), 200);
    }
  }
}
