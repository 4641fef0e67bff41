package dev.claudenexus.dashboard.pages;

import dev.claudenexus.api.conversations.ConversationSummary;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One row of the overview's conversation table.
 *
 * @param summary the conversation, summarised from its requests
 * @param battery the context use of its latest request
 * @param branchNames its distinct branch names, read only when a search needs them, else empty
 */
public record ConversationRow(ConversationSummary summary, ContextBattery battery,
    List<String> branchNames) {

  public UUID id() {
    return summary.latest().conversationId();
  }

  public String domain() {
    return summary.latest().domain();
  }

  public String accountId() {
    return summary.latest().accountId();
  }

  public OffsetDateTime firstTime() {
    return summary.firstMessageTime();
  }

  public OffsetDateTime lastTime() {
    return summary.latest().timestamp();
  }

  public ConversationSummary.BranchCounts branches() {
    return summary.branches();
  }

  /** Returns the path of the conversation's page. */
  public String link() {
    return "/dashboard/conversation/" + id();
  }

  /** Returns the token usage page of the account, or {@code null} without an account. */
  public String accountLink() {
    String account = accountId();
    return account == null ? null : PageLink.to("/dashboard/token-usage").with("accountId", account)
        .toString();
  }

  /**
   * Returns whether the conversation id, the domain or a branch name contains {@code search},
   * ignoring case.
   */
  public boolean matches(String search) {
    String needle = search.toLowerCase(Locale.ROOT);
    return contains(id().toString(), needle) || contains(domain(), needle)
        || branchNames.stream().anyMatch(branch -> contains(branch, needle));
  }

  private static boolean contains(String text, String lowerCaseNeedle) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }
}
