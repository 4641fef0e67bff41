package dev.claudenexus.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.claudenexus.testsupport.anthropic.ApiErrors;
import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import dev.claudenexus.testsupport.anthropic.ReceivedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plays the demo straight against the fake API, without a proxy in between, so each script's turns
 * must fit together (tool outputs per call, expected statuses) and the fake must receive what a
 * Claude Code client sends.
 */
class DemoPlayerTest {

  private FakeAnthropicApi fake;
  private DemoAccounts accounts;

  @BeforeEach
  void startFake() {
    fake = FakeAnthropicApi.start();
    accounts = new DemoAccounts(new DemoAccount(URI.create(fake.baseUrl()), "cnp_live_team"),
        new DemoAccount(URI.create("http://localhost:" + fake.port()), "cnp_live_solo"));
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Test
  void playSendsEveryScenario() {
    PlayReport report = new DemoPlayer(fake).play(accounts, 1);

    assertEquals(7, report.sessions());
    assertEquals(report.requests().size(), fake.requestCount());
    assertThat(report.requests()).hasSizeGreaterThan(30);
  }

  @Test
  void playHasOneFailedAndOneUnstreamedRequest() {
    PlayReport report = new DemoPlayer(fake).play(accounts, 1);

    assertThat(report.requests()).filteredOn(PlayedRequest::failed).hasSize(1);
    assertThat(report.requests()).filteredOn(request -> !request.streamed()).hasSize(1);
  }

  @Test
  void summaryNamesCounts() {
    PlayReport report = new DemoPlayer(fake).play(accounts, 1);

    assertThat(report.summary()).startsWith("Played 7 Claude Code sessions through the proxy: "
        + report.requests().size() + " requests (" + (report.requests().size() - 1)
        + " streamed, 1 failed on purpose) in ");
  }

  @Test
  void requestsCarryClientKeysOfBothAccounts() throws Exception {
    new DemoPlayer(fake).play(accounts, 1);

    List<String> keys = received().stream().map(request -> request.header("x-api-key")).distinct().toList();
    assertThat(keys).containsExactlyInAnyOrder("cnp_live_team", "cnp_live_solo");
  }

  @Test
  void bodiesContainScenarioMarkers() throws Exception {
    new DemoPlayer(fake).play(accounts, 1);

    List<String> bodies = received().stream().map(ReceivedRequest::bodyText).toList();
    assertThat(bodies).anyMatch(body -> body.contains(MarkupPromptScenario.MARKUP));
    assertThat(bodies).anyMatch(body -> body.contains("\"name\":\"Agent\""));
    assertThat(bodies).anyMatch(body -> body.contains("\"name\":\"Task\""));
    assertThat(bodies).anyMatch(body -> body.contains("summary below covers the earlier portion"));
    assertThat(bodies).anyMatch(body -> body.contains("\"content\":\"quota\""));
  }

  @Test
  void secondSetUsesOtherProjects() throws Exception {
    new DemoPlayer(fake).play(accounts, 2);

    List<String> bodies = received().stream().map(ReceivedRequest::bodyText).toList();
    assertThat(bodies).anyMatch(body -> body.contains("/home/dev/weather-cache-2"));
    assertThat(bodies).noneMatch(body -> body.contains("/home/dev/weather-cache\\n"));
  }

  @Test
  void scenarioTitlesNameProjects() {
    assertThat(DemoPlayer.scenarios(1)).extracting(Scenario::title)
        .contains("tool loop (weather-cache)", "compaction with follow-ups (billing)");
    assertThat(DemoPlayer.scenarios(3)).extracting(Scenario::title)
        .contains("tool loop (weather-cache-3)");
  }

  @Test
  void setZeroRejected() {
    assertThrows(IllegalArgumentException.class, () -> DemoPlayer.scenarios(0));
  }

  @Test
  void unexpectedStatusFailsPlay() {
    fake.enqueue(ApiErrors.overloaded());

    DemoFailedException failure = assertThrows(DemoFailedException.class,
        () -> new DemoPlayer(fake).play(accounts, 1));

    assertThat(failure.getMessage()).startsWith("The proxy returned 529 instead of 200 to a request of "
        + fake.baseUrl());
  }

  @Test
  void unreachableProxyFailsPlay() {
    fake.close();

    DemoFailedException failure = assertThrows(DemoFailedException.class,
        () -> new DemoPlayer(fake).play(accounts, 1));

    assertThat(failure.getMessage()).startsWith("Sending a request to " + fake.baseUrl() + "/v1/messages");
  }

  private List<ReceivedRequest> received() throws InterruptedException {
    List<ReceivedRequest> requests = new ArrayList<>();
    int count = fake.requestCount();
    for (int i = 0; i < count; i++) {
      requests.add(fake.takeRequest(Duration.ofSeconds(5)));
    }
    return requests;
  }
}
