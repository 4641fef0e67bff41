package dev.claudenexus.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.api.conversations.ConversationSummary;
import dev.claudenexus.api.conversations.LatestRequest;
import dev.claudenexus.pricing.ContextLimit;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationRowTest {

  private static final UUID ID = UUID.fromString("d6b83139-e966-4188-bbc0-031b04801ffa");
  private static final OffsetDateTime TIME = OffsetDateTime.of(2025, 3, 10, 8, 0, 0, 0,
      ZoneOffset.UTC);

  private static ConversationRow row(String accountId, List<String> branches) {
    LatestRequest latest = new LatestRequest(ID, TIME, UUID.randomUUID(), "claude-sonnet-4-5",
        "team.example.com", accountId, 1000);
    ConversationSummary summary = new ConversationSummary(latest, TIME, 3, 100, BigDecimal.ZERO,
        new ConversationSummary.BranchCounts(2, 1, 0, 0), List.of("claude-sonnet-4-5"), false, 0,
        null, null);
    return new ConversationRow(summary, new ContextBattery(1000, new ContextLimit(200_000, false)),
        branches);
  }

  @Test
  void searchMatchesIdDomainOrBranch() {
    ConversationRow row = row("acc_1", List.of("main", "subtask_1"));

    assertThat(row.matches("D6B831")).isTrue();
    assertThat(row.matches("team.example")).isTrue();
    assertThat(row.matches("SUBTASK")).isTrue();
    assertThat(row.matches("compact")).isFalse();
    assertThat(row.matches("acc_1")).isFalse();
  }

  @Test
  void linksEncodeAccount() {
    ConversationRow row = row("acc 1&x", List.of());

    assertThat(row.link()).isEqualTo("/dashboard/conversation/" + ID);
    assertThat(row.accountLink()).isEqualTo("/dashboard/token-usage?accountId=acc+1%26x");
  }

  @Test
  void noAccountGivesNoLink() {
    assertThat(row(null, List.of()).accountLink()).isNull();
  }
}
