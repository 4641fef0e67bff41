package dev.claudenexus.testsupport.net;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Listening socket of a {@link TcpFaultProxy} and the thread that accepts connections on it. */
final class ProxyListener {

  private static final Logger LOG = Logger.getLogger(ProxyListener.class.getName());
  private static final int ACCEPT_BACKLOG = 128;
  private static final long BIND_RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final ServerSocket socket;
  private Future<?> acceptLoop;

  private ProxyListener(ServerSocket socket) {
    this.socket = socket;
  }

  /**
   * Binds the address and starts accepting, passing each connection to {@code onAccept}.
   *
   * <p>While the kernel still reports the port in use, the bind is retried for up to 2 s.
   */
  static ProxyListener start(InetSocketAddress address, ExecutorService threads,
      BiConsumer<ProxyListener, Socket> onAccept) throws IOException {
    ProxyListener listener = new ProxyListener(bind(address));
    listener.acceptLoop = threads.submit(() -> listener.acceptConnections(onAccept));
    return listener;
  }

  int port() {
    return socket.getLocalPort();
  }

  /**
   * Closes the socket and waits for the accept thread to return from accept().
   *
   * <p>On JDK 17 a bind of the same port right after close() failed once while the accept thread
   * was still blocked, so a restore should bind only after that thread has returned.
   */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing the listening socket on port " + port() + " failed", e);
    }
    try {
      acceptLoop.get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.WARNING, "Accept loop on port " + port() + " did not end cleanly", e);
    }
  }

  private void acceptConnections(BiConsumer<ProxyListener, Socket> onAccept) {
    while (!socket.isClosed()) {
      try {
        onAccept.accept(this, socket.accept());
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.log(Level.WARNING, "Accepting a connection on port " + port() + " failed", e);
        }
      }
    }
  }

  private static ServerSocket bind(InetSocketAddress address) throws IOException {
    long deadline = System.nanoTime() + BIND_RETRY_NANOS;
    while (true) {
      ServerSocket socket = new ServerSocket();
      try {
        // Lets a restored proxy bind the port while connections it reset still linger on it.
        socket.setReuseAddress(true);
        socket.bind(address, ACCEPT_BACKLOG);
        return socket;
      } catch (BindException e) {
        socket.close();
        if (System.nanoTime() > deadline) {
          throw e;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
    }
  }
}
