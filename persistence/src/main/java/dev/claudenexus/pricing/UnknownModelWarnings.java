package dev.claudenexus.pricing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Logs one warning per model name that has no price. Model names come from clients, so the number of
 * remembered names is capped. Past the cap, one last warning reports that further names go unlogged.
 */
final class UnknownModelWarnings {

  static final int MAX_REMEMBERED_MODELS = 1_000;

  private static final int MAX_LOGGED_NAME_LENGTH = 100;

  private final Logger log;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean capReported = new AtomicBoolean();

  UnknownModelWarnings(Logger log) {
    this.log = log;
  }

  void warnOnce(String model) {
    String name = printable(model);
    if (warned.size() >= MAX_REMEMBERED_MODELS && !warned.contains(name)) {
      if (capReported.compareAndSet(false, true)) {
        log.warning(() -> "More than " + MAX_REMEMBERED_MODELS
            + " models had no price; further models without a price are not logged");
      }
      return;
    }
    if (warned.add(name)) {
      log.warning(() -> "Model \"" + name + "\" has no price in the model price table, so its requests"
          + " are stored without a cost. Add it to the file named by " + PriceTable.OVERRIDE_FILE_KEY + ".");
    }
  }

  /** Returns the name shortened and with control characters replaced, so it cannot forge log lines. */
  private static String printable(String model) {
    String name = model == null ? "" : model;
    if (name.length() > MAX_LOGGED_NAME_LENGTH) {
      name = name.substring(0, MAX_LOGGED_NAME_LENGTH) + "...";
    }
    return name.replaceAll("\\p{Cntrl}", "?");
  }
}
