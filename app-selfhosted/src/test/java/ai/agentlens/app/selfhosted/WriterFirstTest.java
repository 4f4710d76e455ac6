package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WriterFirst} on this process's own threads. Only threads named {@code wf-*} are
 * candidates, so the rest of the test JVM keeps its priority.
 */
class WriterFirstTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final Map<String, Path> tasks = new ConcurrentHashMap<>();
  private final List<Thread> started = new ArrayList<>();

  @BeforeEach
  void linux() {
    assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "per-thread /proc: Linux only");
  }

  @AfterEach
  void releaseThreads() throws InterruptedException {
    release.countDown();
    for (Thread t : started) {
      t.join(5_000);
    }
  }

  @Test
  void lowersEveryCandidateButTheKeptOneAndThreadsStartedLater() throws Exception {
    WriterFirst keeper =
        WriterFirst.forThisPlatform(name -> !name.startsWith("wf-") || name.equals("wf-writer"))
            .orElseThrow();
    start("wf-writer");
    start("wf-ingest");
    start("wf-http");

    assertThat(keeper.scan()).isEqualTo(2);
    assertThat(nice("wf-writer")).isZero();
    assertThat(nice("wf-ingest")).isEqualTo(WriterFirst.NICE);
    assertThat(nice("wf-http")).isEqualTo(WriterFirst.NICE);
    assertThat(keeper.scan()).as("nothing new").isZero();

    start("wf-late"); // by this thread, at nice 0: only a later scan lowers it
    assertThat(nice("wf-late")).isZero();
    assertThat(keeper.scan()).isEqualTo(1);
    assertThat(nice("wf-late")).isEqualTo(WriterFirst.NICE);
    assertThat(nice("wf-writer")).isZero();
  }

  @Test
  void aRefusedCallIsTriedAgainAtTheNextScan() throws Exception {
    start("wf-refused");
    List<Integer> calls = new ArrayList<>();
    boolean[] refuse = {true};
    WriterFirst keeper =
        new WriterFirst(
            name -> !name.equals("wf-refused"),
            (tid, nice) -> {
              calls.add(tid);
              return !refuse[0];
            });

    assertThat(keeper.scan()).isZero();
    refuse[0] = false;
    assertThat(keeper.scan()).isEqualTo(1);
    assertThat(keeper.scan()).isZero();
    assertThat(calls).hasSize(2).containsOnly(calls.get(0));
  }

  private void start(String name) throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              try {
                tasks.put(
                    name,
                    Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self"))));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              running.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    t.setDaemon(true);
    started.add(t);
    t.start();
    running.await();
  }

  private int nice(String name) {
    return WriterFirst.nice(tasks.get(name)).orElseThrow();
  }
}
