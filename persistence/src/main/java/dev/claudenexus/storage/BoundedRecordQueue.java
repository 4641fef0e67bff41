package dev.claudenexus.storage;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue of records bounded by count and by an estimate of the heap their text takes, so that a
 * burst of large bodies cannot fill the heap while the database is slow. A record larger than the
 * whole byte budget is never accepted.
 */
final class BoundedRecordQueue {

  /** Bytes counted per record besides its text: the record object, its usage and boxed fields. */
  private static final long RECORD_OVERHEAD = 1_024;

  private final BlockingQueue<RequestRecord> records;
  private final long maxBytes;
  private final AtomicLong bytes = new AtomicLong();

  BoundedRecordQueue(int capacity, long maxBytes) {
    this.records = new ArrayBlockingQueue<>(Math.max(1, capacity));
    this.maxBytes = Math.max(1, maxBytes);
  }

  /** Adds a record when both bounds allow it; returns at once. */
  boolean offer(RequestRecord record) {
    long size = estimateBytes(record);
    if (bytes.addAndGet(size) > maxBytes) {
      bytes.addAndGet(-size);
      return false;
    }
    if (!records.offer(record)) {
      bytes.addAndGet(-size);
      return false;
    }
    return true;
  }

  RequestRecord poll(long timeout, TimeUnit unit) throws InterruptedException {
    RequestRecord record = records.poll(timeout, unit);
    if (record != null) {
      bytes.addAndGet(-estimateBytes(record));
    }
    return record;
  }

  /** Moves up to {@code max} records to {@code target}. */
  void drainTo(List<RequestRecord> target, int max) {
    int from = target.size();
    records.drainTo(target, max);
    for (int i = from; i < target.size(); i++) {
      bytes.addAndGet(-estimateBytes(target.get(i)));
    }
  }

  void drainTo(List<RequestRecord> target) {
    drainTo(target, Integer.MAX_VALUE);
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  int size() {
    return records.size();
  }

  long bytes() {
    return bytes.get();
  }

  /** Returns an estimate of the heap a record's text takes: two bytes per character at most. */
  static long estimateBytes(RequestRecord record) {
    long characters = length(record.requestBody()) + length(record.responseBody())
        + length(record.requestHeaders()) + length(record.responseHeaders())
        + length(record.usageJson()) + length(record.error());
    for (RequestRecord.StoredChunk chunk : record.chunks()) {
      characters += length(chunk.data()) + 64;
    }
    return RECORD_OVERHEAD + 2 * characters;
  }

  private static long length(String text) {
    return text == null ? 0 : text.length();
  }
}
