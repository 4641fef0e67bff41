package dev.claudenexus.testsupport.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loopback TCP forwarder that a test can cut off and bring back, to simulate an outage of the
 * service behind it, such as PostgreSQL behind an app server.
 *
 * <p>It listens on 127.0.0.1 on an ephemeral port and forwards each connection to 127.0.0.1 on the
 * target port. {@link #refuse()} stops listening and resets every open connection, so clients see
 * {@code Connection refused} and {@code Connection reset} as when the service is stopped.
 * {@link #restore()} listens again on the same port, so clients configured with it reconnect.
 */
public final class TcpFaultProxy implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TcpFaultProxy.class.getName());
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final InetAddress loopback;
  private final int targetPort;
  private final int port;
  private final ExecutorService threads;
  private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private ProxyListener listener; // guarded by this, and null while refusing
  private boolean closed; // guarded by this

  private TcpFaultProxy(InetAddress loopback, int targetPort) throws IOException {
    this.loopback = loopback;
    this.targetPort = targetPort;
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "tcp-fault-proxy-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.listener = ProxyListener.start(new InetSocketAddress(loopback, 0), threads, this::forward);
    this.port = listener.port();
  }

  /** Starts forwarding from an ephemeral port on 127.0.0.1 to 127.0.0.1:{@code targetPort}. */
  public static TcpFaultProxy start(int targetPort) {
    if (targetPort < 1 || targetPort > 65_535) {
      throw new IllegalArgumentException("Target port must be in 1..65535: " + targetPort);
    }
    try {
      TcpFaultProxy proxy = new TcpFaultProxy(InetAddress.getByName("127.0.0.1"), targetPort);
      LOG.info("TCP fault proxy listening on 127.0.0.1:" + proxy.port + ", forwarding to port " + targetPort);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("Listening on 127.0.0.1 failed", e);
    }
  }

  /** Returns the port clients connect to, which stays the same across {@link #refuse()} and {@link #restore()}. */
  public int port() {
    return port;
  }

  public String host() {
    return loopback.getHostAddress();
  }

  /** Stops listening and resets every open connection. Does nothing while already refusing. */
  public synchronized void refuse() {
    if (listener == null) {
      return;
    }
    listener.close();
    listener = null;
    new ArrayList<>(open).forEach(ProxiedConnection::reset);
    LOG.info("TCP fault proxy on port " + port + " now refuses connections");
  }

  /**
   * Listens on the same port again. Does nothing while already listening.
   *
   * @throws UncheckedIOException when another socket took the port during the outage
   */
  public synchronized void restore() {
    if (closed) {
      throw new IllegalStateException("TCP fault proxy on port " + port + " is closed");
    }
    if (listener != null) {
      return;
    }
    try {
      listener = ProxyListener.start(new InetSocketAddress(loopback, port), threads, this::forward);
    } catch (IOException e) {
      throw new UncheckedIOException("Listening on 127.0.0.1:" + port
          + " again failed. Another socket may have taken the port during the outage", e);
    }
    LOG.info("TCP fault proxy on port " + port + " accepts connections again");
  }

  public synchronized boolean isRefusing() {
    return listener == null;
  }

  /** Returns how many client connections were accepted since start. */
  public int connectionCount() {
    return accepted.get();
  }

  /** Returns how many accepted connections are still open. */
  public int openConnectionCount() {
    return open.size();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    refuse();
    threads.shutdownNow();
    LOG.info("TCP fault proxy on port " + port + " closed");
  }

  private void forward(ProxyListener acceptedBy, Socket client) {
    accepted.incrementAndGet();
    Socket target = new Socket();
    try {
      client.setTcpNoDelay(true);
      target.setTcpNoDelay(true);
      target.connect(new InetSocketAddress(loopback, targetPort), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Connecting to target port " + targetPort + " failed, so the client is closed", e);
      closeQuietly(target);
      closeQuietly(client);
      return;
    }
    register(new ProxiedConnection(client, target, open::remove), acceptedBy);
  }

  /** Starts the copy loops, unless refuse() ran since the accept, in which case it resets the connection. */
  private synchronized void register(ProxiedConnection connection, ProxyListener acceptedBy) {
    if (listener != acceptedBy) {
      connection.reset();
      return;
    }
    open.add(connection);
    connection.start(threads);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing a socket failed", e);
    }
  }
}
