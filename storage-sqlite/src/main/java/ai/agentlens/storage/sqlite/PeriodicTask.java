package ai.agentlens.storage.sqlite;

import java.time.Duration;

/**
 * A daemon thread that runs one task every {@code interval} until closed; a failed run is logged
 * and retried at the next interval. The SQLite backend's housekeeping (checkpoints, the session
 * index) runs on these.
 */
final class PeriodicTask implements AutoCloseable {

  /** One run of the task. */
  @FunctionalInterface
  interface Run {
    /**
     * Runs once.
     *
     * @throws Exception when this run failed; the next one is tried at the next interval
     */
    void run() throws Exception;
  }

  private final String name;
  private final long intervalMillis;
  private final Run run;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Starts the thread; the first run comes after one interval.
   *
   * @param name the thread's name, also in the log line of a failed run
   * @param interval the wait before each run
   * @param run the task
   * @throws IllegalArgumentException when the interval is not positive
   */
  PeriodicTask(String name, Duration interval, Run run) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.name = name;
    this.intervalMillis = interval.toMillis();
    this.run = run;
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Tells whether the thread still runs (for tests).
   *
   * @return whether it runs
   */
  boolean running() {
    return thread.isAlive();
  }

  private void loop() {
    while (!closed) {
      try {
        Thread.sleep(intervalMillis);
        run.run();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!closed) {
          System.getLogger(PeriodicTask.class.getName())
              .log(System.Logger.Level.WARNING, name + " failed: " + e.getMessage());
        }
      }
    }
  }

  /** Stops the thread, waiting up to 10 s for a run in progress. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
