package ai.agentlens.storage.postgres;

import ai.agentlens.storage.spi.jdbc.Scope;
import ai.agentlens.storage.spi.jdbc.Transactor;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates monthly event partitions ahead of need (FR-73), through the owner's {@code
 * ensure_event_partition} function, each in its own short transaction (creating a partition locks
 * the parent table, which must not happen inside a write holding row locks).
 */
final class PostgresPartitions {

  private final Transactor tx;
  private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

  PostgresPartitions(Transactor tx) {
    this.tx = tx;
  }

  /**
   * Ensures partitions for the months of these instants exist.
   *
   * @param instants event timestamps
   */
  void ensureFor(Collection<Instant> instants) {
    Set<YearMonth> missing = new TreeSet<>();
    for (Instant t : instants) {
      YearMonth m = YearMonth.from(t.atOffset(ZoneOffset.UTC));
      if (!known.contains(m)) {
        missing.add(m);
      }
    }
    for (YearMonth m : missing) {
      tx.write(
          Scope.NONE,
          c -> {
            try (PreparedStatement ps = c.prepareStatement("select ensure_event_partition(?, ?)")) {
              ps.setInt(1, m.getYear());
              ps.setInt(2, m.getMonthValue());
              ps.execute();
            }
            return null;
          });
      known.add(m);
    }
  }

  /**
   * Ensures partitions from last month to {@code monthsAhead} months after now.
   *
   * @param now the current time
   * @param monthsAhead months after the current one
   */
  void ensureAhead(Instant now, int monthsAhead) {
    YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    Set<Instant> months = new TreeSet<>();
    for (int i = -1; i <= monthsAhead; i++) {
      months.add(current.plusMonths(i).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    ensureFor(months);
  }

  /** Forgets which partitions exist (after some were dropped); they are checked again on need. */
  void forget() {
    known.clear();
  }
}
