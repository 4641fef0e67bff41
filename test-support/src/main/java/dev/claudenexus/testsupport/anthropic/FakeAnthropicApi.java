package dev.claudenexus.testsupport.anthropic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loopback fake of the Anthropic Messages API for integration tests and benchmarks.
 *
 * <p>The server listens on 127.0.0.1 on an ephemeral port and serves each TCP connection on its own
 * thread of a cached pool, with HTTP/1.1 keep-alive. Each request consumes the oldest
 * {@linkplain #enqueue enqueued} reply, or gets the {@linkplain #setDefault default reply} when the
 * queue is empty. The built-in default is {@link DefaultReplies#forRequest}.
 */
public final class FakeAnthropicApi implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FakeAnthropicApi.class.getName());
  /** Pending connection limit, sized for benchmarks that open many connections at once. */
  private static final int ACCEPT_BACKLOG = 512;

  private final ServerSocket serverSocket;
  private final ExecutorService connections;
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private final Queue<FakeReply> scripted = new ConcurrentLinkedQueue<>();
  private final AtomicReference<FakeReply> defaultReply =
      new AtomicReference<>(FakeReply.from(DefaultReplies::forRequest));
  private final BlockingQueue<ReceivedRequest> received = new LinkedBlockingQueue<>();
  private final AtomicInteger requestSequence = new AtomicInteger();
  private final AtomicInteger connectionSequence = new AtomicInteger();
  private final AbortLog aborts = new AbortLog();
  private volatile boolean recordingRequests = true;
  private volatile boolean closed;

  private FakeAnthropicApi(ServerSocket serverSocket) {
    this.serverSocket = serverSocket;
    AtomicInteger threads = new AtomicInteger();
    this.connections = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "fake-anthropic-" + port() + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts a server on 127.0.0.1 with an ephemeral port. */
  public static FakeAnthropicApi start() {
    try {
      ServerSocket socket = new ServerSocket(0, ACCEPT_BACKLOG, InetAddress.getByName("127.0.0.1"));
      FakeAnthropicApi api = new FakeAnthropicApi(socket);
      Thread acceptor = new Thread(api::acceptConnections, "fake-anthropic-" + api.port() + "-accept");
      acceptor.setDaemon(true);
      acceptor.start();
      LOG.fine(() -> "Fake Anthropic API listening on " + api.baseUrl());
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("Listening on 127.0.0.1 failed", e);
    }
  }

  /** Returns the base URL, {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Adds a reply to the end of the queue. Each request consumes one reply, oldest first. */
  public void enqueue(FakeReply reply) {
    scripted.add(Objects.requireNonNull(reply, "reply"));
  }

  /** Sets the reply for requests that find the queue empty. */
  public void setDefault(FakeReply reply) {
    defaultReply.set(Objects.requireNonNull(reply, "reply"));
  }

  /**
   * Removes and returns the oldest recorded request, waiting up to the timeout for one to arrive.
   *
   * @throws AssertionError when no request arrives within the timeout
   */
  public ReceivedRequest takeRequest(Duration timeout) throws InterruptedException {
    ReceivedRequest request = received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (request == null) {
      throw new AssertionError("No request reached " + baseUrl() + " within " + timeout
          + " (" + requestCount() + " received so far)");
    }
    return request;
  }

  /**
   * Forgets the recorded requests that no test took, so the next {@link #takeRequest} returns a
   * request that arrives after this call. Returns how many were dropped.
   */
  public int discardReceived() {
    List<ReceivedRequest> dropped = new java.util.ArrayList<>();
    received.drainTo(dropped);
    return dropped.size();
  }

  /** Turns request recording off or on. Long benchmarks turn it off to keep memory flat, and counting goes on. */
  public void setRequestRecording(boolean enabled) {
    recordingRequests = enabled;
  }

  /** Returns how many complete requests the server has read. */
  public int requestCount() {
    return requestSequence.get();
  }

  /** Returns how many TCP connections the server has accepted. */
  public int connectionCount() {
    return connectionSequence.get();
  }

  /** Returns the client aborts noticed so far, oldest first. */
  public List<ClientAbort> aborts() {
    return aborts.snapshot();
  }

  /**
   * Waits until at least {@code count} client aborts were noticed and returns all of them, oldest first.
   *
   * @throws AssertionError when fewer aborts were noticed within the timeout
   */
  public List<ClientAbort> awaitAborts(int count, Duration timeout) throws InterruptedException {
    return aborts.await(count, timeout);
  }

  /** Stops listening, closes open connections and stops the connection threads. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(serverSocket);
    new ArrayList<>(openSockets).forEach(FakeAnthropicApi::closeQuietly);
    connections.shutdownNow();
    try {
      if (!connections.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warning("Connection threads of " + baseUrl() + " still run 5 s after close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.fine(() -> "Fake Anthropic API on " + baseUrl() + " stopped after " + requestCount() + " requests");
  }

  int nextSequence() {
    return requestSequence.incrementAndGet();
  }

  /** Records the request and returns its reply: the oldest enqueued one, or the default. */
  FakeReply replyFor(ReceivedRequest request) {
    if (recordingRequests) {
      received.add(request);
    }
    FakeReply reply = scripted.poll();
    if (reply == null) {
      reply = defaultReply.get();
    }
    try {
      return reply.resolve(request);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Reply function failed for " + request + "; sending 500", e);
      return ApiErrors.reply(500, "api_error", "FakeReply function failed: " + e);
    }
  }

  void recordAbort(ClientAbort abort) {
    if (closed) {
      return;
    }
    LOG.fine(() -> "Client abort on " + baseUrl() + ": " + abort);
    aborts.add(abort);
  }

  boolean isClosed() {
    return closed;
  }

  void forget(Socket socket) {
    openSockets.remove(socket);
  }

  private void acceptConnections() {
    while (!closed) {
      try {
        Socket socket = serverSocket.accept();
        openSockets.add(socket);
        connections.execute(new ConnectionHandler(socket, connectionSequence.incrementAndGet(), this));
      } catch (IOException | RejectedExecutionException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "Accepting a connection on " + baseUrl() + " failed", e);
        }
      }
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Close failed during shutdown", e);
    }
  }
}
