/**
 * Append-only local journals of JSON lines. A journal keeps what has not reached the database yet:
 * its writer hands the entries out for replay and deletes them only after the database has them, so
 * a crash between the two replays them again rather than losing them.
 */
package dev.claudenexus.journal;
