package ai.agentlens.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.storage.spi.jdbc.Scope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background writes on SQLite's single writer: they yield to waiting writes, but not forever. */
class SqliteTransactorTest {

  @TempDir Path dir;
  private SqliteTransactor tx;
  private final List<String> order = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("t.db");
    tx =
        new SqliteTransactor(
            new SqliteDialect(),
            () -> {
              try {
                return DriverManager.getConnection(url);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            },
            1);
  }

  @AfterEach
  void close() {
    tx.close();
  }

  private CompletableFuture<Void> async(Runnable r) {
    return CompletableFuture.runAsync(r);
  }

  private Void note(Connection c, String name) {
    order.add(name);
    return null;
  }

  /** Occupies the writer until {@code release} opens; returns once the writer is held. */
  private CompletableFuture<Void> holdWriter(CountDownLatch release) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    CompletableFuture<Void> blocker =
        async(
            () ->
                tx.write(
                    Scope.NONE,
                    c -> {
                      holding.countDown();
                      try {
                        release.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    }));
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    return blocker;
  }

  /** Occupies the writer until released, then queues a background unit and a write behind it. */
  private List<CompletableFuture<Void>> backgroundThenWriteBehind(long holdMillis)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> blocker = holdWriter(release);
    CompletableFuture<Void> background =
        async(() -> tx.writeInBackground(Scope.NONE, c -> note(c, "background")));
    Thread.sleep(50);
    CompletableFuture<Void> write = async(() -> tx.write(Scope.NONE, c -> note(c, "write")));
    Thread.sleep(holdMillis);
    release.countDown();
    return List.of(blocker, background, write);
  }

  @Test
  void theWriterCountsItsGroupsUnitsAndTimeAndWhatWaits() throws Exception {
    var zero = tx.writerStats();
    assertThat(zero.commits()).isZero();
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> blocker = holdWriter(release);
    CompletableFuture<Void> a = async(() -> tx.write(Scope.NONE, c -> note(c, "a")));
    CompletableFuture<Void> b = async(() -> tx.writeInBackground(Scope.NONE, c -> note(c, "b")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (tx.writerStats().waiting() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(tx.writerStats().waiting()).as("a write and a background unit queued").isEqualTo(2);
    Thread.sleep(30);
    release.countDown();
    CompletableFuture.allOf(blocker, a, b).get(5, TimeUnit.SECONDS);
    var after = tx.writerStats();
    assertThat(after.units()).isEqualTo(3);
    assertThat(after.commits()).isBetween(2L, 3L);
    assertThat(after.waiting()).isZero();
    assertThat(after.busyNanos())
        .as("the held unit alone kept the writer busy for 30 ms")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
    assertThat(after.commitNanos()).isPositive().isLessThan(after.busyNanos());
    assertThat(after.backgroundNanos())
        .as("b ran as a background unit")
        .isPositive()
        .isLessThan(after.busyNanos());
    assertThat(after.unitWaitNanos())
        .as("the queued units waited for the held one")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
  }

  @Test
  void aBackgroundWriteAloneRunsAtOnce() {
    String done = tx.writeInBackground(Scope.NONE, c -> "done");
    assertThat(done).isEqualTo("done");
  }

  @Test
  void aBackgroundWriteYieldsToAWriteQueuedAfterIt() throws Exception {
    backgroundThenWriteBehind(50).forEach(f -> f.orTimeout(10, TimeUnit.SECONDS).join());

    assertThat(order).containsExactly("write", "background");
  }

  @Test
  void aBackgroundWriteThatWaitedTooLongGoesFirst() throws Exception {
    long hold = SqliteTransactor.BACKGROUND_MAX_WAIT.toMillis() + 300;
    backgroundThenWriteBehind(hold).forEach(f -> f.orTimeout(10, TimeUnit.SECONDS).join());

    assertThat(order).containsExactly("background", "write");
  }

  @Test
  void backgroundWritesGoFirstOnlyAsOftenAsTheirShareOfTheWriterAllows() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> blocker = holdWriter(release);
    long ran = 100;
    CompletableFuture<Void> a =
        async(
            () ->
                tx.writeInBackground(
                    Scope.NONE,
                    c -> {
                      note(c, "a");
                      sleep(ran);
                      return null;
                    }));
    while (tx.backgroundWaiting() < 1) {
      Thread.sleep(5);
    }
    CompletableFuture<Void> b = async(() -> tx.writeInBackground(Scope.NONE, c -> note(c, "b")));
    while (tx.backgroundWaiting() < 2) {
      Thread.sleep(5);
    }
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release2 = new CountDownLatch(1);
    CompletableFuture<Void> w1 =
        async(
            () ->
                tx.write(
                    Scope.NONE,
                    c -> {
                      note(c, "w1");
                      holding.countDown();
                      await(release2);
                      return null;
                    }));
    Thread.sleep(SqliteTransactor.BACKGROUND_MAX_WAIT.toMillis() + 100);
    release.countDown();
    // a waited too long and goes first, with w1; w2 is queued while their group runs, so the
    // writer is never idle before it, and b (which waited too long as well) must not go first:
    // a took 100 ms ahead of others, which buys the next one a turn ~1.9 s later
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> w2 = async(() -> tx.write(Scope.NONE, c -> note(c, "w2")));
    Thread.sleep(50);
    release2.countDown();
    CompletableFuture.allOf(blocker, a, b, w1, w2).get(10, TimeUnit.SECONDS);

    assertThat(BackgroundTurns.SHARE).isLessThan(0.1);
    assertThat(order).containsExactly("a", "w1", "w2", "b");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aBackgroundWriteThatFailsLeavesTheOthersCommitted() {
    tx.write(Scope.NONE, c -> c.createStatement().execute("create table t (x integer)"));
    assertThatThrownBy(
            () ->
                tx.writeInBackground(
                    Scope.NONE,
                    c -> {
                      c.createStatement().execute("insert into t values (1)");
                      throw new SQLException("boom");
                    }))
        .hasMessageContaining("boom");
    tx.write(Scope.NONE, c -> c.createStatement().execute("insert into t values (2)"));

    Long rows =
        tx.read(
            Scope.NONE,
            c -> {
              try (var rs = c.createStatement().executeQuery("select sum(x) from t")) {
                rs.next();
                return rs.getLong(1);
              }
            });
    assertThat(rows).isEqualTo(2L);
  }

  @Test
  void aFailedWriteInAGroupIsUndoneAloneWhereverItStands() throws Exception {
    tx.write(Scope.NONE, c -> c.createStatement().execute("create table t (x integer)"));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> blocker = holdWriter(release);
    // the group, in queue order: a failure first (no savepoint), then a write that becomes the
    // transaction's first, then a failure and a write in savepoints of their own
    int[] values = {100, 1, 1000, 2};
    List<CompletableFuture<Void>> writes = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      int value = values[i];
      boolean fails = value >= 100;
      writes.add(
          async(
              () ->
                  tx.write(
                      Scope.NONE,
                      c -> {
                        c.createStatement().execute("insert into t values (" + value + ")");
                        if (fails) {
                          throw new SQLException("boom " + value);
                        }
                        return null;
                      })));
      while (tx.writesWaiting() < i + 1) {
        Thread.sleep(5);
      }
    }
    release.countDown();
    blocker.orTimeout(10, TimeUnit.SECONDS).join();

    for (int i = 0; i < values.length; i++) {
      CompletableFuture<Void> w = writes.get(i).orTimeout(10, TimeUnit.SECONDS);
      if (values[i] >= 100) {
        assertThatThrownBy(w::join).hasMessageContaining("boom " + values[i]);
      } else {
        assertThat(w.join()).isNull();
      }
    }
    List<Long> rows =
        tx.read(
            Scope.NONE,
            c -> {
              List<Long> xs = new java.util.ArrayList<>();
              try (var rs = c.createStatement().executeQuery("select x from t order by x")) {
                while (rs.next()) {
                  xs.add(rs.getLong(1));
                }
              }
              return xs;
            });
    assertThat(rows).containsExactly(1L, 2L);
  }

  @Test
  void backgroundWritesQueuedTogetherAllRunWithNoOtherWrite() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> blocker = holdWriter(release);
    List<CompletableFuture<Void>> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String name = "run-" + i;
      runs.add(async(() -> tx.writeInBackground(Scope.NONE, c -> note(c, name))));
    }
    while (tx.backgroundWaiting() < 4) {
      Thread.sleep(5);
    }
    release.countDown();
    blocker.orTimeout(10, TimeUnit.SECONDS).join();
    runs.forEach(f -> f.orTimeout(10, TimeUnit.SECONDS).join());

    assertThat(order).containsExactlyInAnyOrder("run-0", "run-1", "run-2", "run-3");
  }
}
