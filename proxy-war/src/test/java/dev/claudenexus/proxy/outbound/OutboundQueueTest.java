package dev.claudenexus.proxy.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

  @Test
  void fullQueueDropsWithoutBlocking() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    try (OutboundQueue queue = new OutboundQueue("test", 1, 2, Executors.defaultThreadFactory())) {
      assertTrue(queue.offer(() -> {
        started.countDown();
        await(release);
      }));
      assertTrue(started.await(5, TimeUnit.SECONDS));
      assertTrue(queue.offer(() -> {}));
      assertTrue(queue.offer(() -> {}));

      boolean accepted = queue.offer(() -> {});

      assertFalse(accepted);
      assertEquals(1, queue.droppedCount());
      assertEquals(2, queue.waitingCount());
      release.countDown();
    }
  }

  @Test
  void queuedTasksRunInOrder() throws Exception {
    StringBuffer order = new StringBuffer();
    CountDownLatch done = new CountDownLatch(3);
    try (OutboundQueue queue = new OutboundQueue("test", 1, 10, Executors.defaultThreadFactory())) {
      for (String name : new String[] {"a", "b", "c"}) {
        queue.offer(() -> {
          order.append(name);
          done.countDown();
        });
      }

      assertTrue(done.await(5, TimeUnit.SECONDS));
      assertEquals("abc", order.toString());
    }
  }

  @Test
  void failingTaskKeepsWorkerAlive() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    try (OutboundQueue queue = new OutboundQueue("test", 1, 10, Executors.defaultThreadFactory())) {
      queue.offer(() -> {
        throw new IllegalStateException("expected by the test");
      });
      queue.offer(ran::countDown);

      assertTrue(ran.await(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void closedQueueDropsOffers() {
    OutboundQueue queue = new OutboundQueue("test", 1, 10, Executors.defaultThreadFactory());
    queue.close(Duration.ofSeconds(1));

    assertFalse(queue.offer(() -> {}));
    assertEquals(1, queue.droppedCount());
  }

  @Test
  void workerThreadsAreNamedDaemons() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    String[] name = new String[1];
    boolean[] daemon = new boolean[1];
    try (OutboundQueue queue = new OutboundQueue("Slack", 1, 10, Executors.defaultThreadFactory())) {
      queue.offer(() -> {
        name[0] = Thread.currentThread().getName();
        daemon[0] = Thread.currentThread().isDaemon();
        done.countDown();
      });

      assertTrue(done.await(5, TimeUnit.SECONDS));
    }
    assertEquals("nexus-slack-1", name[0]);
    assertTrue(daemon[0]);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
