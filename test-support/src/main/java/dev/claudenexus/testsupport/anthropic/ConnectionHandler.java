package dev.claudenexus.testsupport.anthropic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Serves the requests of one TCP connection in turn until either side closes it (HTTP/1.1 keep-alive). */
final class ConnectionHandler implements Runnable {

  private static final Logger LOG = Logger.getLogger(ConnectionHandler.class.getName());

  private final Socket socket;
  private final int connectionId;
  private final FakeAnthropicApi server;

  ConnectionHandler(Socket socket, int connectionId, FakeAnthropicApi server) {
    this.socket = socket;
    this.connectionId = connectionId;
    this.server = server;
  }

  @Override
  public void run() {
    try (socket) {
      socket.setTcpNoDelay(true);
      WireInput input = new WireInput(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      RequestReader reader = new RequestReader(input, out, connectionId, server::nextSequence);
      ReplyWriter writer = new ReplyWriter(out, new ClientWatch(socket, input));
      serve(reader, writer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      if (!server.isClosed()) {
        LOG.log(Level.FINE, "Connection " + connectionId + " ended with an error", e);
      }
    } finally {
      server.forget(socket);
    }
  }

  private void serve(RequestReader reader, ReplyWriter writer) throws IOException, InterruptedException {
    while (true) {
      ReceivedRequest request;
      try {
        request = reader.read();
      } catch (MalformedRequestException e) {
        rejectMalformed(writer, e);
        return;
      }
      if (request == null) {
        return;
      }
      ReplyWriter.End end;
      try {
        end = writer.send(server.replyFor(request));
      } catch (ClientAbortedException e) {
        server.recordAbort(new ClientAbort(request, e.writesSent(), Instant.now(), e.getCause().getMessage()));
        return;
      }
      if (end != ReplyWriter.End.KEEP_ALIVE || !keepsAlive(request)) {
        finish(end);
        return;
      }
    }
  }

  private void rejectMalformed(ReplyWriter writer, MalformedRequestException e)
      throws IOException, InterruptedException {
    LOG.warning("Rejected a malformed request on connection " + connectionId + " with status " + e.status()
        + ": " + e.getMessage());
    FakeReply reply = ApiErrors.reply(e.status(), ApiErrors.typeFor(e.status()), e.getMessage()).toBuilder()
        .header("Connection", "close")
        .build();
    writer.send(reply);
    finish(ReplyWriter.End.CLOSE);
  }

  private void finish(ReplyWriter.End end) throws IOException {
    if (end == ReplyWriter.End.RESET) {
      socket.setSoLinger(true, 0);
    } else {
      socket.shutdownOutput();
    }
    socket.close();
  }

  /** Returns whether the client allows another request on this connection (RFC 9112 section 9.3). */
  private static boolean keepsAlive(ReceivedRequest request) {
    HeaderFields headers = request.headers();
    if ("HTTP/1.0".equals(request.version())) {
      return headers.containsToken("Connection", "keep-alive");
    }
    return !headers.containsToken("Connection", "close");
  }
}
