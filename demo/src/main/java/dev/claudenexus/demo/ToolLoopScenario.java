package dev.claudenexus.demo;

import dev.claudenexus.testsupport.claudecode.AssistantReply;
import dev.claudenexus.testsupport.claudecode.ClaudeCodeSession;
import dev.claudenexus.testsupport.claudecode.ToolCall;
import java.util.List;

/** A quota check, then a bug hunt of six turns in which every reply but the last calls a tool. */
final class ToolLoopScenario implements Scenario {

  private final String project;

  ToolLoopScenario(String projectSuffix) {
    this.project = "weather-cache" + projectSuffix;
  }

  @Override
  public String title() {
    return "tool loop (" + project + ")";
  }

  @Override
  public void play(ProxyTurns turns, DemoAccounts accounts) {
    ClaudeCodeSession session = ClaudeCodeSession.start(accounts.team().clientKey(), project);
    turns.send(accounts.team(), QuotaCheck.request(session), QuotaCheck.reply(), 200);
    String root = "/home/dev/" + project + "/";
    session.prompt("After midnight UTC the /forecast endpoint of " + project + " keeps serving"
        + " yesterday's forecast for about an hour. Find out why and fix it.");
    List<AssistantReply> replies = List.of(
        AssistantReply.toolUse("I'll look for where forecast entries get their expiry.",
            ToolCall.bash("grep -rn 'expiresAt' src/main/kotlin", "Find cache expiry")),
        AssistantReply.toolUse("The expiry is computed in ForecastCache. Reading it.",
            ToolCall.read(root + "src/main/kotlin/dev/example/weather/ForecastCache.kt")),
        AssistantReply.toolUse("Entries live for a fixed hour, whatever the day. Checking the tests.",
            ToolCall.bash("./gradlew test --tests '*ForecastCacheTest'", "Run the cache tests")),
        AssistantReply.toolUse("An entry stored at 23:30 must expire at midnight. Capping the expiry.",
            ToolCall.edit(root + "src/main/kotlin/dev/example/weather/ForecastCache.kt",
                "val expiresAt = now.plus(ttl)",
                "val expiresAt = minOf(now.plus(ttl), now.nextMidnightUtc())")),
        AssistantReply.toolUse("Running the tests again.",
            ToolCall.bash("./gradlew test --tests '*ForecastCacheTest'", "Run the cache tests")),
        AssistantReply.text("Fixed. Cached forecasts now expire at the next midnight UTC at the"
            + " latest, so the first request of a new day loads the new forecast. The 14 cache"
            + " tests pass, including a new one for an entry stored at 23:30."));
    List<String> outputs = List.of(
        "src/main/kotlin/dev/example/weather/ForecastCache.kt:31:        val expiresAt = now.plus(ttl)",
        "29\t    fun put(city: String, forecast: Forecast, now: Instant) {\n"
            + "30\t        // ttl is one hour\n31\t        val expiresAt = now.plus(ttl)",
        "ForecastCacheTest > servesTodayAfterMidnight() FAILED\n13 tests completed, 1 failed",
        "The file ForecastCache.kt has been updated.",
        "BUILD SUCCESSFUL in 7s\n14 tests completed");
    ToolTurns.play(turns, accounts.team(), session, replies, outputs);
  }
}
