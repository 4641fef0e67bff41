package dev.claudenexus.testsupport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client connection of a {@link TcpFaultProxy} and its connection to the target, with a copy
 * loop per direction.
 *
 * <p>End of stream in one direction is passed on as a half-close, so protocols that close one side
 * first keep working. An error in either direction closes both sockets.
 */
final class ProxiedConnection {

  private static final Logger LOG = Logger.getLogger(ProxiedConnection.class.getName());
  private static final int BUFFER_BYTES = 16 * 1024;

  private final Socket client;
  private final Socket target;
  private final Consumer<ProxiedConnection> onClosed;
  private final AtomicInteger openDirections = new AtomicInteger(2);

  ProxiedConnection(Socket client, Socket target, Consumer<ProxiedConnection> onClosed) {
    this.client = client;
    this.target = target;
    this.onClosed = onClosed;
  }

  void start(Executor executor) {
    executor.execute(() -> copy(client, target));
    executor.execute(() -> copy(target, client));
  }

  /** Closes both sockets with an RST, as a crashed peer or a dropped route would. */
  void reset() {
    resetQuietly(client);
    resetQuietly(target);
  }

  private void copy(Socket from, Socket to) {
    byte[] buffer = new byte[BUFFER_BYTES];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Proxied connection ended with an error", e);
      closeBoth();
    }
    if (openDirections.decrementAndGet() == 0) {
      closeBoth();
    }
  }

  private void closeBoth() {
    closeQuietly(client);
    closeQuietly(target);
    onClosed.accept(this);
  }

  private static void resetQuietly(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Setting SO_LINGER failed; closing without it", e);
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing a proxied socket failed", e);
    }
  }
}
