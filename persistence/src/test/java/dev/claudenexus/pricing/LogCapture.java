package dev.claudenexus.pricing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what a java.util.logging logger logs while the capture is open. */
final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    logger.addHandler(this);
  }

  static LogCapture of(Class<?> loggingClass) {
    return new LogCapture(Logger.getLogger(loggingClass.getName()));
  }

  List<LogRecord> warnings() {
    return records.stream().filter(record -> record.getLevel().equals(Level.WARNING)).toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
