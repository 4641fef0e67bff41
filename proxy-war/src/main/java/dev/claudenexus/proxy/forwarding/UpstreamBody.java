package dev.claudenexus.proxy.forwarding;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An upstream response body read by one thread as it arrives. It requests one item at a time from the
 * HTTP client, so at most one unread item is buffered, and {@link #cancel} aborts the upstream call.
 */
final class UpstreamBody implements HttpResponse.BodySubscriber<UpstreamBody> {

  private static final Object END = new Object();

  private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;

  /** Raised when no data arrived within the idle timeout. */
  static final class IdleTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    IdleTimeoutException(Duration idle) {
      super("no data from the Anthropic API for " + idle.toMillis() + " ms");
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (cancelled) {
      subscription.cancel();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    items.add(buffers);
  }

  @Override
  public void onError(Throwable error) {
    items.add(error);
  }

  @Override
  public void onComplete() {
    items.add(END);
  }

  @Override
  public CompletionStage<UpstreamBody> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  /**
   * Waits for the next buffers.
   *
   * @param idle the longest wait, or zero for no limit
   * @return the buffers, or {@code null} at the end of the body
   * @throws IOException when the connection failed or the idle timeout passed
   */
  @SuppressWarnings("unchecked")
  List<ByteBuffer> next(Duration idle) throws IOException, InterruptedException {
    Object item = idle.isZero() ? items.take() : items.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
    if (item == null) {
      throw new IdleTimeoutException(idle);
    }
    if (item == END) {
      items.add(END);
      return null;
    }
    if (item instanceof Throwable error) {
      items.add(error);
      throw error instanceof IOException io ? io : new IOException(error.getMessage(), error);
    }
    Flow.Subscription current = subscription;
    if (current != null) {
      current.request(1);
    }
    return (List<ByteBuffer>) item;
  }

  /** Cancels the upstream call; the HTTP client then closes the connection. */
  void cancel() {
    cancelled = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
