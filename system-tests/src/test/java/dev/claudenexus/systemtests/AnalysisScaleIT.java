package dev.claudenexus.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.testsupport.gemini.GeminiReply;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analysis job across instances and restarts: two proxies on one database share the queue with
 * each analysis done once, and a run stopped by a shutdown resumes after the next start without
 * repeating what it finished.
 */
@ExtendWith(NexusServerExtension.class)
class AnalysisScaleIT {

  private static final Pattern COMPLETED = Pattern.compile("Completed analysis (\\d+) ");
  private static final Duration ALL_DONE_WITHIN = Duration.ofSeconds(120);

  private final NexusServer server;
  private final AnalysisFixtures fixtures;

  AnalysisScaleIT(NexusServer server) {
    this.server = server;
    this.fixtures = new AnalysisFixtures(server.database);
  }

  @Test
  void twoInstancesProcessEachAnalysisOnce() throws Exception {
    String prefix = AnalysisIT.marker("SHARED");
    server.gemini.scriptDefault(attempt -> GeminiReply.analysis().after(Duration.ofMillis(150)));
    try (NexusServer.SecondInstance second = server.startSecondInstance()) {
      List<Long> ids = new ArrayList<>();
      List<String> markers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String marker = prefix + "-" + i + "-end";
        markers.add(marker);
        UUID conversation = fixtures.conversation(marker, 1, "");
        ids.add(fixtures.analysisRow(conversation, "pending", null, Duration.ZERO));
      }

      awaitCompleted(ids);

      for (String marker : markers) {
        assertThat(server.gemini.callsContaining(marker)).as(marker).hasSize(1);
      }
      Set<Long> first = completedIds(server.home.resolve("logs/proxy.log"));
      Set<Long> other = completedIds(second.home().resolve("logs/proxy.log"));
      first.retainAll(ids);
      other.retainAll(ids);
      assertThat(first).as("analyses of the first instance").isNotEmpty();
      assertThat(other).as("analyses of the second instance").isNotEmpty();
      assertThat(intersection(first, other)).as("analyses done by both").isEmpty();
      assertThat(first.size() + other.size()).isEqualTo(50);
    } finally {
      server.gemini.scriptDefault(attempt -> GeminiReply.analysis());
    }
  }

  @Test
  void stoppedRunResumesAfterRestart() throws Exception {
    String prefix = AnalysisIT.marker("RESTART");
    server.gemini.scriptDefault(attempt -> GeminiReply.analysis().after(Duration.ofMillis(700)));
    List<Long> ids = new ArrayList<>();
    List<String> markers = new ArrayList<>();
    try {
      for (int i = 0; i < 15; i++) {
        String marker = prefix + "-" + i + "-end";
        markers.add(marker);
        UUID conversation = fixtures.conversation(marker, 1, "");
        ids.add(fixtures.analysisRow(conversation, "pending", null, Duration.ZERO));
      }
      awaitAtLeast(ids, 3);

      server.stop();
      List<Long> doneBeforeStop = completed(ids);
      server.startAgain();
      awaitCompleted(ids);

      assertThat(doneBeforeStop).hasSizeLessThan(15);
      for (int i = 0; i < ids.size(); i++) {
        if (doneBeforeStop.contains(ids.get(i))) {
          assertThat(server.gemini.callsContaining(markers.get(i))).as(markers.get(i)).hasSize(1);
        }
      }
      // A run that the shutdown stopped restarts from its checkpoints. If the process ended before
      // it could stop the run, the run's claimed analyses are put back to pending instead.
      String log = Files.readString(server.home.resolve("logs/proxy.log"));
      assertThat(log).containsAnyOf("Restarted analysis run", "back to pending: the run ended");
    } finally {
      server.gemini.scriptDefault(attempt -> GeminiReply.analysis());
    }
  }

  private void awaitCompleted(List<Long> ids) throws Exception {
    awaitAtLeast(ids, ids.size());
  }

  private void awaitAtLeast(List<Long> ids, int count) throws Exception {
    long deadline = System.nanoTime() + ALL_DONE_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (completed(ids).size() >= count) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Only " + completed(ids).size() + " of " + ids.size()
        + " analyses completed within " + ALL_DONE_WITHIN + "; expected " + count);
  }

  private List<Long> completed(List<Long> ids) throws Exception {
    List<Long> done = new ArrayList<>();
    for (long id : ids) {
      if ("completed".equals(fixtures.status(id))) {
        done.add(id);
      }
    }
    return done;
  }

  private static Set<Long> completedIds(java.nio.file.Path log) throws Exception {
    Set<Long> ids = new HashSet<>();
    Matcher matcher = COMPLETED.matcher(Files.readString(log));
    while (matcher.find()) {
      ids.add(Long.parseLong(matcher.group(1)));
    }
    return ids;
  }

  private static Set<Long> intersection(Set<Long> a, Set<Long> b) {
    Set<Long> both = new HashSet<>(a);
    both.retainAll(b);
    return both;
  }
}
