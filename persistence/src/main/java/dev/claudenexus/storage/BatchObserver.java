package dev.claudenexus.storage;

/**
 * Receives the duration of each batch of new records that the {@link StorageWriter} writes, for
 * metrics. Journal replays are not reported.
 */
@FunctionalInterface
public interface BatchObserver {

  /** An observer that ignores every batch. */
  BatchObserver NONE = (records, nanos, stored) -> { };

  /**
   * Called on the writer's thread after a batch, so it must return quickly.
   *
   * @param records the records in the batch
   * @param nanos how long the database write (or the failed attempt) took
   * @param stored whether the records reached the database; {@code false} means they went to the
   *     journal
   */
  void batchFinished(int records, long nanos, boolean stored);
}
