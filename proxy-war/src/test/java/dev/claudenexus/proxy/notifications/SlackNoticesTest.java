package dev.claudenexus.proxy.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.claudenexus.proxy.Completions;
import dev.claudenexus.credentials.SlackWebhook;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackNoticesTest {

  private static final SlackDestination GLOBAL = new SlackDestination(
      URI.create("https://hooks.example.com/global"), "#all", "Claude Nexus Proxy", ":robot_face:");

  private final Map<String, SlackWebhook> domainWebhooks = new HashMap<>();
  private final SlackNotices notices = new SlackNotices(new SlackDestinations(Optional.of(GLOBAL),
      domain -> Optional.ofNullable(domainWebhooks.get(domain)), "Claude Nexus Proxy", ":robot_face:"));

  @Test
  void inferenceSuccessGetsMessage() {
    Optional<SlackNotices.Notice> notice = notices.noticeFor(new Completions().build());

    assertTrue(notice.isPresent());
    assertEquals(GLOBAL, notice.get().destination());
    assertTrue(notice.get().payload().getString("text").startsWith(":bust_in_silhouette: User: Fix the bug"));
  }

  @Test
  void sameUserContentTwiceGetsOneMessage() {
    assertTrue(notices.noticeFor(new Completions().userText("same").build()).isPresent());
    assertFalse(notices.noticeFor(new Completions().userText("same").build()).isPresent());
    assertTrue(notices.noticeFor(new Completions().userText("different").build()).isPresent());
    assertTrue(notices.noticeFor(new Completions().userText("same").build()).isPresent());
  }

  @Test
  void sameContentOnOtherDomainGetsMessage() {
    Completions other = new Completions().userText("shared");
    other.domain = "other.example.com";

    assertTrue(notices.noticeFor(new Completions().userText("shared").build()).isPresent());
    assertTrue(notices.noticeFor(other.build()).isPresent());
  }

  @Test
  void queryEvaluationGetsNoMessage() {
    Completions query = new Completions();
    query.requestType = "query_evaluation";

    assertFalse(SlackNotices.candidate(query.build()));
    assertFalse(notices.noticeFor(query.build()).isPresent());
  }

  @Test
  void personalDomainNeverNotified() {
    Completions success = new Completions();
    success.domain = "my-Personal.example.com";
    Completions failure = new Completions().failure(500, "boom");
    failure.domain = "personal.example.com";

    assertFalse(SlackNotices.candidate(success.build()));
    assertFalse(notices.noticeFor(failure.build()).isPresent());
  }

  @Test
  void failureOfAnyTypeGetsErrorNotice() {
    Completions failure = new Completions().failure(529, "Overloaded");
    failure.requestType = "query_evaluation";

    Optional<SlackNotices.Notice> notice = notices.noticeFor(failure.build());

    assertTrue(notice.isPresent());
    assertEquals("Error: Overloaded", notice.get().payload().getString("text"));
  }

  @Test
  void cancelledRequestGetsNoMessage() {
    Completions cancelled = new Completions();
    cancelled.outcome = "client_cancelled";
    cancelled.status = 499;

    assertFalse(SlackNotices.candidate(cancelled.build()));
  }

  @Test
  void domainWebhookWinsOverGlobal() {
    domainWebhooks.put("team.example.com",
        new SlackWebhook("https://hooks.example.com/team", "#team", null, ":fire:", true));

    SlackDestination destination = notices.noticeFor(new Completions().build()).orElseThrow().destination();

    assertEquals(URI.create("https://hooks.example.com/team"), destination.webhookUrl());
    assertEquals("#team", destination.channel());
    assertEquals("Claude Nexus Proxy", destination.username());
    assertEquals(":fire:", destination.iconEmoji());
  }

  @Test
  void disabledDomainWebhookFallsBackToGlobal() {
    domainWebhooks.put("team.example.com",
        new SlackWebhook("https://hooks.example.com/team", null, null, null, false));

    assertEquals(GLOBAL, notices.noticeFor(new Completions().build()).orElseThrow().destination());
  }

  @Test
  void insecureDomainWebhookIgnored() {
    domainWebhooks.put("team.example.com",
        new SlackWebhook("http://hooks.example.com/team", null, null, null, true));

    assertEquals(GLOBAL, notices.noticeFor(new Completions().build()).orElseThrow().destination());
  }

  @Test
  void noDestinationNoMessage() {
    SlackNotices nowhere = new SlackNotices(new SlackDestinations(Optional.empty(),
        domain -> Optional.empty(), "n", ":x:"));

    assertFalse(nowhere.noticeFor(new Completions().build()).isPresent());
  }
}
