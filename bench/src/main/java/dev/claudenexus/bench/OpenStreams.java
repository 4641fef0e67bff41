package dev.claudenexus.bench;

import dev.claudenexus.testsupport.anthropic.BodyWrite;
import dev.claudenexus.testsupport.anthropic.BodyWrites;
import dev.claudenexus.testsupport.anthropic.FakeReply;
import dev.claudenexus.testsupport.anthropic.SseScripts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Holds many streams open through the proxy at once and samples the proxy's resident memory meanwhile.
 *
 * <p>Requests for {@link #HOLD_MODEL} get a stream from the fake that sends {@code message_start} at
 * once, then one {@code ping} event per interval, then the rest of the {@link SseScripts#s0} script.
 */
final class OpenStreams {

  /** Model name that makes the fake hold the stream open. */
  static final String HOLD_MODEL = "claude-bench-hold";

  private static final Logger LOG = Logger.getLogger(OpenStreams.class.getName());
  private static final String PING = SseScripts.event("ping", "{\"type\": \"ping\"}");

  /**
   * Measurements of one run.
   *
   * @param streams streams requested
   * @param opened streams whose first event reached the client
   * @param completed streams that ended with {@code message_stop}
   * @param openAllMillis time until every stream had its first event, or until the wait gave up
   * @param idleRssKib proxy RSS just before the streams were opened
   * @param maxRssKib largest proxy RSS sampled while the streams were open
   * @param maxThreads largest thread count of the proxy process sampled meanwhile
   * @param heapWhileOpen the proxy's heap halfway through the hold, while the streams were open
   * @param hold how long the fake held each stream open
   */
  record Result(int streams, int opened, int completed, long openAllMillis, long idleRssKib,
      long maxRssKib, long maxThreads, HeapInfo heapWhileOpen, Duration hold) {
  }

  private OpenStreams() {
  }

  /** Returns the fake's reply for a held stream: {@code pings} pings, {@code interval} apart. */
  static FakeReply holdReply(int pings, Duration interval) {
    List<BodyWrite> events = BodyWrites.perEvent(SseScripts.s0(HOLD_MODEL), Duration.ZERO);
    List<BodyWrite> writes = new ArrayList<>();
    writes.add(events.get(0));
    for (int i = 0; i < pings; i++) {
      writes.add(new BodyWrite(PING.getBytes(StandardCharsets.UTF_8), interval));
    }
    writes.addAll(events.subList(1, events.size()));
    return FakeReply.status(200)
        .header("content-type", "text/event-stream; charset=utf-8")
        .stream(writes)
        .build();
  }

  /**
   * Opens {@code streams} streams through the proxy at once, samples the proxy's RSS every 500 ms
   * while they are open, and waits for them to end.
   */
  static Result run(ProxyProcess proxy, int streams, Duration hold) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    byte[] body = RequestShape.of(RequestShape.SMALL_BODY_BYTES, true).body(HOLD_MODEL);
    CountDownLatch firstEvents = new CountDownLatch(streams);
    AtomicInteger completed = new AtomicInteger();
    long idleRss = proxy.procStatusKib("VmRSS");

    long start = System.nanoTime();
    List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      StreamSubscriber subscriber = new StreamSubscriber(firstEvents, completed);
      responses.add(http.sendAsync(proxy.endpoint().messages(body, hold.plusSeconds(60)),
          HttpResponse.BodyHandlers.fromSubscriber(subscriber)));
    }
    proxy.countRequests(streams);
    boolean allOpen = firstEvents.await(hold.toMillis() / 2, TimeUnit.MILLISECONDS);
    long openAllMillis = (System.nanoTime() - start) / 1_000_000;
    if (!allOpen) {
      LOG.warning(() -> (streams - firstEvents.getCount()) + " of " + streams + " streams opened in "
          + openAllMillis + " ms");
    }

    Samples samples = sample(proxy, idleRss, start + hold.toNanos() / 2,
        start + hold.toNanos() - Duration.ofSeconds(1).toNanos());
    try {
      CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new))
          .get(hold.toSeconds() + 90, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warning(() -> "Not every held stream ended cleanly: " + e);
    }
    int opened = (int) (streams - firstEvents.getCount());
    return new Result(streams, opened, completed.get(), openAllMillis, idleRss, samples.maxRssKib,
        samples.maxThreads, samples.heap, hold);
  }

  /** Largest RSS and thread count sampled, and the heap read once in the middle of the sampling. */
  private record Samples(long maxRssKib, long maxThreads, HeapInfo heap) {
  }

  private static Samples sample(ProxyProcess proxy, long idleRss, long heapAt, long until)
      throws IOException, InterruptedException {
    long maxRss = idleRss;
    long maxThreads = 0;
    HeapInfo heap = null;
    while (System.nanoTime() < until) {
      maxRss = Math.max(maxRss, proxy.procStatusKib("VmRSS"));
      maxThreads = Math.max(maxThreads, proxy.procStatusKib("Threads"));
      if (heap == null && System.nanoTime() >= heapAt) {
        heap = proxy.heapInfo();
      }
      Thread.sleep(500);
    }
    return new Samples(maxRss, maxThreads, heap);
  }

  /** Counts the first body bytes and checks that the stream ends with {@code message_stop}. */
  private static final class StreamSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private final CountDownLatch firstEvents;
    private final AtomicInteger completed;
    private final StringBuilder tail = new StringBuilder();
    private boolean seenFirst;

    StreamSubscriber(CountDownLatch firstEvents, AtomicInteger completed) {
      this.firstEvents = firstEvents;
      this.completed = completed;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (!buffer.hasRemaining()) {
          continue;
        }
        if (!seenFirst) {
          seenFirst = true;
          firstEvents.countDown();
        }
        tail.append(StandardCharsets.UTF_8.decode(buffer));
        if (tail.length() > 256) {
          tail.delete(0, tail.length() - 256);
        }
      }
    }

    @Override
    public void onError(Throwable error) {
      LOG.fine(() -> "A held stream failed: " + error);
    }

    @Override
    public void onComplete() {
      if (tail.indexOf("event: message_stop") >= 0) {
        completed.incrementAndGet();
      }
    }
  }
}
