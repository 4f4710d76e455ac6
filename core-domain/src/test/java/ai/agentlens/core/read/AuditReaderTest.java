package ai.agentlens.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.MembershipStore;
import ai.agentlens.core.port.storage.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuditReaderTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** An audit log in memory that answers queries by range and cursor, as the stores do. */
  private static final class Log implements AuditLog {
    final List<AuditEntry> rows = new ArrayList<>();
    final List<AuditQuery> queries = new ArrayList<>();

    @Override
    public void append(AuditEntry entry) {
      rows.add(entry);
    }

    @Override
    public List<AuditEntry> query(String orgId, AuditQuery q) {
      queries.add(q);
      Comparator<AuditEntry> order =
          Comparator.comparing(AuditEntry::occurredAt).thenComparing(AuditEntry::id);
      return rows.stream()
          .filter(e -> e.orgId().equals(orgId))
          .filter(e -> q.actionContains() == null || e.action().contains(q.actionContains()))
          .filter(e -> q.from() == null || !e.occurredAt().isBefore(q.from()))
          .filter(e -> q.to() == null || e.occurredAt().isBefore(q.to()))
          .filter(
              e ->
                  q.after() == null
                      || order.compare(e, probe(q.after().occurredAt(), q.after().id())) < 0)
          .sorted(order.reversed())
          .limit(q.limit())
          .toList();
    }

    @Override
    public int anonymizeActor(String userId, Instant at) {
      return 0;
    }
  }

  /** One membership per user, as given. */
  private static final class Members implements MembershipStore {
    final List<Membership> rows = new ArrayList<>();

    @Override
    public void add(Membership m) {
      rows.add(m);
    }

    @Override
    public Optional<Membership> find(String orgId, String userId) {
      return rows.stream()
          .filter(m -> m.orgId().equals(orgId) && m.userId().equals(userId))
          .findFirst();
    }

    @Override
    public List<Membership> listByOrg(String orgId) {
      return rows.stream().filter(m -> m.orgId().equals(orgId)).toList();
    }

    @Override
    public List<Membership> listByUser(String userId) {
      return rows.stream().filter(m -> m.userId().equals(userId)).toList();
    }

    @Override
    public void changeRole(String orgId, String userId, Role role) {
      rows.replaceAll(
          m ->
              m.orgId().equals(orgId) && m.userId().equals(userId)
                  ? new Membership(orgId, userId, role, m.createdAt())
                  : m);
    }

    @Override
    public boolean remove(String orgId, String userId) {
      return rows.removeIf(m -> m.orgId().equals(orgId) && m.userId().equals(userId));
    }

    @Override
    public int removeAllForUser(String userId) {
      int before = rows.size();
      rows.removeIf(m -> m.userId().equals(userId));
      return before - rows.size();
    }
  }

  private static AuditEntry probe(Instant at, String id) {
    return new AuditEntry(id, "o", at, ActorType.SYSTEM, "s", "a", null, null, null, SUCCESS, "{}");
  }

  private static final AuditResult SUCCESS = AuditResult.SUCCESS;

  private final Log log = new Log();
  private final Members members = new Members();
  private final AtomicInteger ids = new AtomicInteger();
  private final AuditReader reader;

  AuditReaderTest() {
    Stores stores =
        new Stores(
            null, null, members, null, null, null, null, null, null, log, null, null, null, null,
            null, null, null, null, null, null, null, null);
    AccountPorts ports =
        new AccountPorts(
            stores,
            null,
            null,
            () -> T0.plusSeconds(100_000),
            () -> String.format("zz%08d", ids.incrementAndGet()),
            null,
            null,
            null,
            null);
    AuditTrail trail = new AuditTrail(ports);
    reader = new AuditReader(ports, new Access(ports, trail), trail);
    members.add(new Membership("org", "owner", Role.OWNER, T0));
    members.add(new Membership("org", "viewer", Role.VIEWER, T0));
  }

  private void entries(int n, int secondsApart) {
    for (int i = 0; i < n; i++) {
      log.append(
          new AuditEntry(
              String.format("e%06d", i),
              "org",
              T0.plusSeconds((long) (i / 3) * secondsApart),
              ActorType.USER,
              "owner",
              "key.create",
              null,
              null,
              null,
              SUCCESS,
              "{}"));
    }
  }

  @Test
  void anExportPagesThroughEveryEntryOfTheRangeOldestFirstAndIsAudited() {
    entries(2_400, 1);
    Instant from = T0.plusSeconds(10);
    Instant to = T0.plusSeconds(700);

    List<AuditEntry> out = reader.export(new Caller("owner", null), "org", from, to);

    List<AuditEntry> expected =
        log.rows.stream()
            .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
            .toList();
    assertThat(out).hasSize(2_070).containsExactlyElementsOf(expected);
    assertThat(log.queries).hasSize(3).allSatisfy(q -> assertThat(q.from()).isEqualTo(from));
    assertThat(log.rows.get(log.rows.size() - 1).action()).isEqualTo("audit.export");
  }

  @Test
  void listingPassesTheFiltersToTheStoreAndNeedsTheRightRole() {
    entries(5, 1);
    AuditQuery keys = new AuditQuery("key.", null, null, null, null, null, null, null, null, 2);

    assertThat(reader.list(new Caller("owner", null), "org", keys)).hasSize(2);
    assertThat(log.queries).containsExactly(keys);
    assertThatThrownBy(() -> reader.list(new Caller("viewer", null), "org", keys))
        .isInstanceOf(AccountException.class)
        .extracting(e -> ((AccountException) e).kind())
        .isEqualTo(AccountException.Kind.FORBIDDEN);
    assertThatThrownBy(() -> reader.export(new Caller("owner", null), "org", T0, T0))
        .isInstanceOf(AccountException.class);
  }
}
