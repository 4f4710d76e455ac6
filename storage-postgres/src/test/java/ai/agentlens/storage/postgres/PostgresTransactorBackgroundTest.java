package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.contract.OpenedBackend;
import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Background writes on PostgreSQL wait for the process's writes in flight, but not forever. */
class PostgresTransactorBackgroundTest {

  private OpenedBackend backend;
  private PostgresTransactor tx;
  private final List<String> order = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    backend = PostgresBackend.open(Clock.system());
    tx = ((PostgresStorageProvider) backend.provider()).transactor();
  }

  @AfterEach
  void close() {
    backend.provider().close();
  }

  /** Holds a write open for {@code holdMillis} while a background write is asked for. */
  private void backgroundDuringAWriteOf(long holdMillis) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CompletableFuture<Void> write =
        CompletableFuture.runAsync(
            () ->
                tx.write(
                    Scope.NONE,
                    c -> {
                      holding.countDown();
                      try (var st = c.createStatement()) {
                        st.execute("select pg_sleep(" + holdMillis / 1000.0 + ")");
                      }
                      order.add("write");
                      return null;
                    }));
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    tx.writeInBackground(
        Scope.NONE,
        c -> {
          order.add("background");
          return null;
        });
    write.orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(tx.writesInFlight()).isZero();
  }

  @Test
  void aBackgroundWriteAloneRunsAtOnce() {
    String done = tx.writeInBackground(Scope.NONE, c -> "done");
    assertThat(done).isEqualTo("done");
  }

  @Test
  void aBackgroundWriteWaitsForAWriteInFlight() throws Exception {
    backgroundDuringAWriteOf(200);

    assertThat(order).containsExactly("write", "background");
  }

  @Test
  void aBackgroundWriteThatWaitedTooLongRuns() throws Exception {
    backgroundDuringAWriteOf(Transactor.BACKGROUND_MAX_WAIT.toMillis() + 700);

    assertThat(order).containsExactly("background", "write");
  }
}
