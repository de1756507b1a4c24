package org.hse.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one JUL logger publishes while it is open: for unit tests of what the service logs (a
 * line's content, how often). Close it to take its handler off the logger again.
 */
public final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
  }

  /** Captures what the logger of this name publishes from now on. */
  public static LogCapture of(String loggerName) {
    LogCapture capture = new LogCapture(Logger.getLogger(loggerName));
    capture.logger.addHandler(capture);
    return capture;
  }

  /** The records so far, oldest first. */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** Their messages, for an assertion's text. */
  public String messages() {
    return records.stream().map(LogRecord::getMessage).toList().toString();
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
