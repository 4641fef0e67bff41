package dev.claudenexus.testsupport.anthropic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * One piece of a reply body that the fake hands to the socket in its own write call, after waiting.
 *
 * <p>The fake first waits {@code delayBefore}, then, when {@code gate} is not null, until the gate is
 * open. A test uses the gate to hold a write back until it has seen the earlier pieces, without
 * relying on timing. While waiting, the fake watches the connection and records a client abort if
 * the client closes or resets it.
 *
 * @param bytes the bytes to send, before any chunked framing or gzip compression
 * @param delayBefore time to wait before sending, or zero to send at once
 * @param gate latch that must reach zero before sending, or {@code null}
 */
public record BodyWrite(byte[] bytes, Duration delayBefore, CountDownLatch gate) {

  public BodyWrite {
    bytes = bytes.clone();
    Objects.requireNonNull(delayBefore, "delayBefore");
    if (delayBefore.isNegative()) {
      throw new IllegalArgumentException("delayBefore must not be negative: " + delayBefore);
    }
  }

  public BodyWrite(byte[] bytes, Duration delayBefore) {
    this(bytes, delayBefore, null);
  }

  /** Creates a write that is sent without waiting. */
  public static BodyWrite of(byte[] bytes) {
    return new BodyWrite(bytes, Duration.ZERO);
  }

  /** Creates a write of UTF-8 text that is sent without waiting. */
  public static BodyWrite of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Creates a write that waits until the latch reaches zero. */
  public static BodyWrite afterLatch(CountDownLatch gate, byte[] bytes) {
    return new BodyWrite(bytes, Duration.ZERO, Objects.requireNonNull(gate, "gate"));
  }

  /** Returns a copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return "BodyWrite[" + bytes.length + " bytes after " + delayBefore + (gate == null ? "" : " and a latch") + "]";
  }
}
