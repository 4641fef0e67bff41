package dev.claudenexus.api.mcp.prompts;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The prompts of one folder, kept current. {@link #start} reads the folder and starts a thread that
 * reloads it after every change: file events are gathered for {@value #SETTLE_MILLIS} ms, and every
 * {@value #CHECK_MILLIS} ms the folder's listing is compared with the loaded one, which also catches
 * changes the file events missed. A reload builds a complete new {@link PromptSet} and then replaces
 * the old one in one step.
 */
public final class PromptLibrary implements AutoCloseable {

  static final long SETTLE_MILLIS = 100;
  static final long CHECK_MILLIS = 500;
  private static final Logger LOG = Logger.getLogger(PromptLibrary.class.getName());

  private final PromptFolder folder;
  private volatile PromptSet current = PromptSet.EMPTY;
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  private volatile boolean closed;
  private volatile WatchService watchService;
  private Thread watcher;

  public PromptLibrary(PromptFolder folder) {
    this.folder = folder;
  }

  /** Returns the prompts loaded last; never null. */
  public PromptSet prompts() {
    return current;
  }

  /** Returns the folder the prompts come from. */
  public java.nio.file.Path directory() {
    return folder.directory();
  }

  /** Creates the folder if needed, reads it and starts watching it with a thread of the factory. */
  public synchronized void start(ThreadFactory threads) {
    if (watcher != null) {
      return;
    }
    try {
      Files.createDirectories(folder.directory());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not create the prompts folder " + folder.directory(), e);
    }
    reload();
    watcher = threads.newThread(this::watch);
    watcher.setName("mcp-prompt-watcher");
    watcher.setDaemon(true);
    watcher.start();
    LOG.info(() -> "Serving " + current.prompts().size() + " MCP prompts from " + folder.directory()
        + ", reloaded on every change");
  }

  /** Reads the folder now and replaces the loaded prompts, logging files that are skipped. */
  public synchronized PromptSet reload() {
    PromptSet previous = current;
    PromptSet next;
    try {
      next = folder.read();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not read the prompts folder " + folder.directory()
          + "; keeping the " + previous.prompts().size() + " prompts loaded before", e);
      return previous;
    }
    current = next;
    logSkipped(previous.skipped(), next.skipped());
    if (!previous.prompts().keySet().equals(next.prompts().keySet())) {
      LOG.info(() -> "Loaded " + next.prompts().size() + " MCP prompts from " + folder.directory());
    }
    return next;
  }

  private void logSkipped(Map<String, String> before, Map<String, String> after) {
    after.forEach((file, reason) -> {
      if (!reason.equals(before.get(file))) {
        LOG.warning(() -> "Skipped the prompt file " + folder.directory().resolve(file) + ": " + reason);
      }
    });
  }

  private void watch() {
    while (!closed) {
      try (WatchService service = FileSystems.getDefault().newWatchService()) {
        watchService = service;
        Files.createDirectories(folder.directory());
        folder.directory().register(service, StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        reloadIfChanged();
        watchEvents(service);
      } catch (ClosedWatchServiceException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "Watching the prompts folder " + folder.directory()
              + " failed; retrying in 1 s", e);
          pause();
        }
      }
    }
  }

  /** Handles events until the folder goes away (its key becomes invalid) or the library closes. */
  private void watchEvents(WatchService service) throws InterruptedException, IOException {
    while (!closed) {
      WatchKey key = service.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
      if (key == null) {
        reloadIfChanged();
        continue;
      }
      Thread.sleep(SETTLE_MILLIS);
      key.pollEvents();
      boolean valid = key.reset();
      reload();
      if (!valid) {
        return;
      }
    }
  }

  private void reloadIfChanged() throws IOException {
    if (!folder.fingerprint().equals(current.fingerprint())) {
      reload();
    }
  }

  private void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops watching. The prompts loaded last stay readable. */
  @Override
  public synchronized void close() {
    closed = true;
    WatchService service = watchService;
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing the prompt watcher failed", e);
      }
    }
    if (watcher != null) {
      watcher.interrupt();
      // The watcher recreates a missing folder, so it must have stopped before the caller removes it.
      try {
        watcher.join(CLOSE_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
