package ai.agentlens.app.selfhosted;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives one thread of this process the CPU first: on Linux it lowers the scheduling priority of
 * every other thread of the process to a {@code nice} value above zero, now and every few seconds
 * for threads started since (a thread also inherits its creator's value). The self-hosted server
 * keeps the SQLite writer at the normal priority this way: it is the one thread every stored event
 * passes through, and on a small machine it otherwise waits in the run queue behind the request,
 * ingest, compiler and collector threads (docs/performance.md, "The writer's CPU priority").
 *
 * <p>Only lowering is done, which needs no privilege; a thread that was lowered cannot be raised
 * again without one, so the kept thread must exist before the first {@link #scan}. Elsewhere than
 * Linux, or when the C library cannot be called, nothing is changed. Not thread-safe: one thread
 * scans.
 */
final class WriterFirst implements AutoCloseable {

  /** The {@code nice} value other threads get (0 normal, 19 lowest). */
  static final int NICE = 10;

  private static final Logger LOG = LoggerFactory.getLogger(WriterFirst.class);
  private static final Path TASKS = Path.of("/proc/self/task");

  /** Sets a thread's {@code nice} value. */
  @FunctionalInterface
  interface Renice {

    /**
     * Sets one thread's {@code nice} value.
     *
     * @param tid the kernel's thread id
     * @param nice the value
     * @return whether it was set (false when the thread has gone or the call was refused)
     */
    boolean set(int tid, int nice);
  }

  private final Predicate<String> keep;
  private final Renice renice;
  private final Set<Integer> lowered = new HashSet<>();
  private volatile Thread thread;
  private boolean warned;

  /**
   * Prepares a keeper; {@link #scan} or {@link #start} lowers.
   *
   * @param keep the names of threads that keep their priority (the kernel's names: at most 15
   *     characters)
   * @param renice how a thread's value is set
   */
  WriterFirst(Predicate<String> keep, Renice renice) {
    this.keep = keep;
    this.renice = renice;
  }

  /**
   * The keeper for this platform: on Linux it calls {@code setpriority(2)} through the C library.
   *
   * @param keep the names of threads that keep their priority
   * @return the keeper, or empty where threads cannot be reniced one by one
   */
  static Optional<WriterFirst> forThisPlatform(Predicate<String> keep) {
    if (!System.getProperty("os.name", "").toLowerCase().startsWith("linux")
        || !Files.isDirectory(TASKS)) {
      return Optional.empty();
    }
    try {
      LibC c = Native.load("c", LibC.class);
      return Optional.of(new WriterFirst(keep, (tid, nice) -> c.setpriority(0, tid, nice) == 0));
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.info("thread priorities left as they are: the C library cannot be called ({})", e);
      return Optional.empty();
    }
  }

  /** The C library's {@code setpriority(2)}; {@code which} 0 is {@code PRIO_PROCESS}. */
  interface LibC extends Library {

    /**
     * Sets the nice value of a process or, on Linux, of one thread.
     *
     * @param which 0 for {@code PRIO_PROCESS}
     * @param who a thread id
     * @param prio the nice value
     * @return 0 on success, -1 on failure
     */
    int setpriority(int which, int who, int prio);
  }

  /**
   * Lowers every thread of this process not lowered yet and not kept.
   *
   * @return how many were lowered by this scan
   */
  int scan() {
    Set<Integer> present = new HashSet<>();
    int now = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        int tid = Integer.parseInt(task.getFileName().toString());
        present.add(tid);
        Optional<String> name = read(task.resolve("comm"));
        if (name.isEmpty() || lowered.contains(tid)) {
          continue;
        }
        if (keep.test(name.get())) {
          warnIfLowered(name.get(), task);
        } else if (renice.set(tid, NICE)) {
          lowered.add(tid);
          now++;
        }
      }
    } catch (IOException e) {
      // why: a scan that fails changes nothing; the next one tries again
      LOG.debug("thread scan failed: {}", e.getMessage());
    }
    // why: thread ids are reused; one that ended may come back as a thread to keep or to lower
    lowered.retainAll(present);
    return now;
  }

  /**
   * Scans now and then every {@code every} on a daemon thread of its own.
   *
   * @param every the interval between scans
   * @return this keeper
   */
  WriterFirst start(Duration every) {
    int first = scan();
    LOG.info(
        "CPU priority: {} threads lowered to nice {}, the SQLite writer kept first", first, NICE);
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
                scan();
              }
            },
            "writer-first");
    t.setDaemon(true);
    thread = t;
    t.start();
    return this;
  }

  /**
   * Reads a thread's {@code nice} value from {@code /proc}.
   *
   * @param task the thread's directory under {@code /proc/<pid>/task}
   * @return the value, or empty when the thread has gone
   */
  static Optional<Integer> nice(Path task) {
    return read(task.resolve("stat"))
        .map(s -> Integer.parseInt(s.substring(s.lastIndexOf(')') + 2).split(" ")[16]));
  }

  private void warnIfLowered(String name, Path task) {
    int value = nice(task).orElse(0);
    if (value > 0 && !warned) {
      warned = true;
      LOG.warn(
          "thread {} runs at nice {}: it was started by a thread already lowered, and only a"
              + " privileged process can raise it again",
          name,
          value);
    }
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // why: the thread ended between the listing and the read
    }
  }

  /** Stops the scans; the priorities already set stay. */
  @Override
  public void close() {
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }
}
