package dev.claudenexus.demo;

import dev.claudenexus.testsupport.anthropic.FakeAnthropicApi;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/** Plays the demo's sessions through the proxy, one request at a time, against a fake API in this process. */
public final class DemoPlayer {

  private static final Logger LOG = Logger.getLogger(DemoPlayer.class.getName());

  private final FakeAnthropicApi fake;

  public DemoPlayer(FakeAnthropicApi fake) {
    this.fake = fake;
  }

  /**
   * Returns the sessions of one set. Set 1 uses the plain project names and later sets add
   * {@code -<set>}, so a second play adds new conversations instead of continuing the first ones.
   */
  static List<Scenario> scenarios(int set) {
    if (set < 1) {
      throw new IllegalArgumentException("The set number must be 1 or more, got " + set);
    }
    String suffix = set == 1 ? "" : "-" + set;
    return List.of(
        new ToolLoopScenario(suffix),
        new EditedPromptScenario(suffix),
        new CompactionScenario(suffix),
        new AgentScenario(suffix),
        new TaskScenario(suffix),
        new FailedRequestScenario(suffix),
        new MarkupPromptScenario(suffix));
  }

  /**
   * Plays set {@code set} of the sessions.
   *
   * @throws DemoFailedException when a response of the proxy is not the one the script expects
   */
  public PlayReport play(DemoAccounts accounts, int set) {
    List<Scenario> scenarios = scenarios(set);
    ProxyTurns turns = new ProxyTurns(fake);
    long start = System.nanoTime();
    for (Scenario scenario : scenarios) {
      LOG.info(() -> "Playing " + scenario.title());
      scenario.play(turns, accounts);
    }
    return new PlayReport(scenarios.size(), turns.played(), Duration.ofNanos(System.nanoTime() - start));
  }
}
