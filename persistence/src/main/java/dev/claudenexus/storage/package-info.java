/**
 * Storage of recorded requests. Request threads hand immutable records to the {@link
 * dev.claudenexus.storage.StorageWriter} and return at once; the writer inserts them in batches and,
 * while the database is unavailable, appends them to a local journal that it replays in order later.
 */
package dev.claudenexus.storage;
