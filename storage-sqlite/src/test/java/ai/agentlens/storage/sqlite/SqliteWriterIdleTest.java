package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A background unit runs alone only once the writer has stayed idle for a while, so a write that
 * comes in a short gap between others does not wait behind it.
 */
class SqliteWriterIdleTest {

  @TempDir Path dir;

  @Test
  void aWriteThatComesWhileTheWriterIsBrieflyIdleGoesBeforeAWaitingBackgroundUnit()
      throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    // why: 400 ms instead of the default few milliseconds, so the write below surely comes within
    // it
    try (SqliteWriter w =
        new SqliteWriter(
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db")),
            Duration.ofMillis(400))) {
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Boolean> blocker = w.submit(c -> await(release));
      CompletableFuture<Boolean> background = w.submitInBackground(c -> order.add("background"));
      release.countDown();
      blocker.get(5, TimeUnit.SECONDS);
      Thread.sleep(100);
      CompletableFuture<Boolean> write = w.submit(c -> order.add("write"));
      CompletableFuture.allOf(background, write).get(5, TimeUnit.SECONDS);
    }
    assertThat(order).containsExactly("write", "background");
  }

  @Test
  void aBackgroundUnitRunsOnceTheWriterStayedIdle() throws Exception {
    try (SqliteWriter w =
        new SqliteWriter(
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db")),
            Duration.ofMillis(50))) {
      long start = System.nanoTime();
      assertThat(w.submitInBackground(c -> "ran").get(5, TimeUnit.SECONDS)).isEqualTo("ran");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50_000_000L);
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
