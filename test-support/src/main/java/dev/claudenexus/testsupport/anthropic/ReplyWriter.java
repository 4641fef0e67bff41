package dev.claudenexus.testsupport.anthropic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one {@link FakeReply} on a connection: the head as one socket write, then each body write as
 * its own socket write, waiting before each as scripted.
 *
 * <p>The socket has TCP_NODELAY set, so each socket write leaves as soon as the kernel can send it.
 */
final class ReplyWriter {

  /** Next state of the connection after a reply. */
  enum End { KEEP_ALIVE, CLOSE, CUT, RESET }

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final OutputStream out;
  private final ClientWatch watch;
  private int writesSent;

  ReplyWriter(OutputStream out, ClientWatch watch) {
    this.out = out;
    this.watch = watch;
  }

  /**
   * Sends the reply and returns how the connection continues.
   *
   * @throws ClientAbortedException when the client closed or reset the connection before the reply was complete
   * @throws InterruptedException when the fake shuts down during a wait
   */
  End send(FakeReply reply) throws ClientAbortedException, InterruptedException {
    writesSent = 0;
    try {
      return sendSteps(reply);
    } catch (ClientAbortedException e) {
      throw e;
    } catch (IOException e) {
      throw new ClientAbortedException(writesSent, e);
    }
  }

  private End sendSteps(FakeReply reply) throws IOException, InterruptedException {
    watch.await(reply.headerDelay(), null);
    List<byte[]> pieces = reply.gzip() ? GzipPieces.compress(reply.writes()) : plainPieces(reply.writes());
    out.write(head(reply, pieces));
    List<BodyWrite> writes = reply.writes();
    for (int i = 0; i < writes.size(); i++) {
      if (closesAfter(reply, i)) {
        return closeEnd(reply);
      }
      watch.await(writes.get(i).delayBefore(), writes.get(i).gate());
      writePiece(reply.framing(), pieces.get(i));
      writesSent++;
    }
    if (closesAfter(reply, writes.size())) {
      return closeEnd(reply);
    }
    if (reply.gzip()) {
      writePiece(reply.framing(), pieces.get(writes.size()));
    }
    if (reply.framing() == Framing.CHUNKED) {
      out.write(LAST_CHUNK);
    }
    out.flush();
    return keepsAlive(reply) ? End.KEEP_ALIVE : End.CLOSE;
  }

  private void writePiece(Framing framing, byte[] piece) throws IOException {
    if (piece.length == 0) {
      // An empty chunk would be the final chunk, so an empty write sends nothing in any framing.
      return;
    }
    if (framing == Framing.CHUNKED) {
      byte[] size = (Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      out.write(Bytes.concat(List.of(size, piece, CRLF)));
    } else {
      out.write(piece);
    }
    out.flush();
  }

  /**
   * Returns the status line and header fields, encoded as ISO-8859-1 so each char up to U+00FF is one byte.
   */
  private static byte[] head(FakeReply reply, List<byte[]> pieces) {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(reply.statusCode()).append(' ').append(reply.reason()).append("\r\n");
    for (HeaderField field : reply.headers()) {
      head.append(field.name()).append(": ").append(field.value()).append("\r\n");
    }
    HeaderFields scripted = new HeaderFields(reply.headers());
    if (reply.gzip() && !scripted.contains("Content-Encoding")) {
      head.append("Content-Encoding: gzip\r\n");
    }
    appendFraming(head, reply.framing(), scripted, pieces);
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void appendFraming(StringBuilder head, Framing framing, HeaderFields scripted, List<byte[]> pieces) {
    if (framing == Framing.CONTENT_LENGTH && !scripted.contains("Content-Length")) {
      long length = pieces.stream().mapToLong(piece -> piece.length).sum();
      head.append("Content-Length: ").append(length).append("\r\n");
    } else if (framing == Framing.CHUNKED && !scripted.contains("Transfer-Encoding")) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (framing == Framing.CLOSE_DELIMITED && !scripted.contains("Connection")) {
      head.append("Connection: close\r\n");
    }
  }

  private static List<byte[]> plainPieces(List<BodyWrite> writes) {
    List<byte[]> pieces = new ArrayList<>(writes.size());
    writes.forEach(write -> pieces.add(write.bytes()));
    return pieces;
  }

  private static boolean closesAfter(FakeReply reply, int writes) {
    return reply.close() != FakeReply.Close.NONE && reply.closeAfterWrites() == writes;
  }

  private static End closeEnd(FakeReply reply) {
    return reply.close() == FakeReply.Close.RST ? End.RESET : End.CUT;
  }

  private static boolean keepsAlive(FakeReply reply) {
    return reply.framing() != Framing.CLOSE_DELIMITED
        && !new HeaderFields(reply.headers()).containsToken("Connection", "close");
  }
}
