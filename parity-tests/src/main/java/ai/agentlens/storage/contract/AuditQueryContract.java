package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.account.model.AuditResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The filtered read of {@link ai.agentlens.core.port.storage.AuditLog#query}: every filter is
 * applied by the store before the page limit, text filters are case-insensitive substrings with
 * LIKE wildcards taken literally, and keyset paging visits every match once.
 */
public abstract class AuditQueryContract extends StorageContract {

  private static final Comparator<AuditEntry> NEWEST_FIRST =
      Comparator.comparing(AuditEntry::occurredAt).thenComparing(AuditEntry::id).reversed();

  private AuditEntry append(
      String org,
      int second,
      String actor,
      String action,
      String targetType,
      String targetId,
      AuditResult result) {
    AuditEntry e =
        new AuditEntry(
            id("aud"),
            org,
            now.get().plusSeconds(second),
            ActorType.USER,
            actor,
            action,
            targetType,
            targetId,
            null,
            result,
            "{}");
    stores.audit().append(e);
    return e;
  }

  private static AuditQuery all() {
    return AuditQuery.newest(1000);
  }

  private static AuditQuery q(
      String action, String actor, String targetType, String targetId, AuditResult result) {
    return new AuditQuery(action, actor, null, targetType, targetId, result, null, null, null, 100);
  }

  private List<String> ids(String org, AuditQuery query) {
    return stores.audit().query(org, query).stream().map(AuditEntry::id).toList();
  }

  @Test
  void eachFilterSelectsExactlyItsEntriesNewestFirst() {
    String org = newOrg().id();
    String other = newOrg().id();
    AuditEntry create = append(org, 1, "usr_alice", "api_key.create", "api_key", "k1", SUCCESS);
    AuditEntry revoke = append(org, 2, "usr_alice", "api_key.revoke", "api_key", "k1", SUCCESS);
    AuditEntry login = append(org, 3, "usr_bob", "auth.login", "user", "usr_bob", FAILURE);
    AuditEntry role = append(org, 4, "usr_bob", "member.role_change", "user", "usr_al", SUCCESS);
    append(other, 5, "usr_alice", "api_key.create", "api_key", "k1", SUCCESS);

    assertThat(ids(org, q("API_KEY.", null, null, null, null)))
        .containsExactly(revoke.id(), create.id());
    assertThat(ids(org, q(null, "ALICE", null, null, null)))
        .containsExactly(revoke.id(), create.id());
    assertThat(ids(org, q(null, null, "user", null, null))).containsExactly(role.id(), login.id());
    assertThat(ids(org, q(null, null, null, "usr_al", null))).containsExactly(role.id());
    assertThat(ids(org, q(null, null, null, null, FAILURE))).containsExactly(login.id());
    assertThat(ids(org, q("login", "bob", "user", "usr_bob", FAILURE))).containsExactly(login.id());
    assertThat(ids(org, q("login", null, null, null, SUCCESS))).isEmpty();
    assertThat(ids(org, all().byActor("usr_bob"))).containsExactly(role.id(), login.id());
    assertThat(ids(org, all().byActor("usr_bo"))).isEmpty();
    assertThat(ids(org, all().between(create.occurredAt().plusSeconds(1), role.occurredAt())))
        .containsExactly(login.id(), revoke.id());
  }

  @Test
  void likeWildcardsInAFilterAreLiteralText() {
    String org = newOrg().id();
    AuditEntry percent = append(org, 1, "usr_x", "report.100%_done", null, null, SUCCESS);
    AuditEntry plain = append(org, 2, "usr_y", "report.1000_done", null, null, SUCCESS);
    append(org, 3, "usr_z", "reportXdone", null, null, SUCCESS);

    assertThat(ids(org, q("%", null, null, null, null))).containsExactly(percent.id());
    assertThat(ids(org, q("_done", null, null, null, null)))
        .containsExactly(plain.id(), percent.id());
    assertThat(ids(org, q("t.1", null, null, null, null)))
        .containsExactly(plain.id(), percent.id());
    assertThat(ids(org, q("t_d", null, null, null, null))).isEmpty();
    assertThat(ids(org, q(null, "usr\\", null, null, null))).isEmpty();
  }

  @Test
  void filtersApplyBeforeTheLimitSoOldMatchesBehindManyOthersAreFound() {
    String org = newOrg().id();
    AuditEntry old1 = append(org, 1, "usr_a", "org.delete", "org", org, FAILURE);
    AuditEntry old2 = append(org, 2, "usr_a", "org.delete", "org", org, FAILURE);
    for (int i = 0; i < 60; i++) {
      append(org, 10 + i, "usr_b", "auth.login", "user", "usr_b", SUCCESS);
    }
    AuditQuery deletes =
        new AuditQuery("org.delete", null, null, null, null, null, null, null, null, 2);
    assertThat(ids(org, deletes)).containsExactly(old2.id(), old1.id());
    assertThat(ids(org, q(null, null, null, null, FAILURE))).hasSize(2);
  }

  @Test
  void cursorPagingVisitsEveryMatchOnceEvenWhenEntriesShareATime() {
    String org = newOrg().id();
    List<AuditEntry> matching = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      matching.add(append(org, 5, "usr_a", "key.touch", null, null, SUCCESS));
      append(org, 5, "usr_a", "other", null, null, SUCCESS);
    }
    matching.add(append(org, 9, "usr_a", "key.touch", null, null, SUCCESS));
    matching.add(append(org, 1, "usr_a", "key.touch", null, null, SUCCESS));
    matching.sort(NEWEST_FIRST);

    AuditQuery page = new AuditQuery("key.", null, null, null, null, null, null, null, null, 3);
    List<String> seen = new ArrayList<>();
    List<AuditEntry> got = stores.audit().query(org, page);
    int pages = 0;
    while (!got.isEmpty()) {
      pages++;
      got.forEach(e -> seen.add(e.id()));
      page = page.after(got.get(got.size() - 1));
      got = stores.audit().query(org, page);
    }
    assertThat(seen).containsExactlyElementsOf(matching.stream().map(AuditEntry::id).toList());
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void withoutAnOrgOrInAnotherOrgNothingMatches() {
    String org = newOrg().id();
    String empty = newOrg().id();
    append(org, 1, "usr_a", "auth.login", "user", "usr_a", SUCCESS);
    for (String none : new String[] {null, "", " "}) {
      assertThat(stores.audit().query(none, all())).isEmpty();
    }
    assertThat(stores.audit().query(empty, all())).isEmpty();
    assertThat(
            stores.audit().query(org, all().between(null, Instant.parse("2000-01-01T00:00:00Z"))))
        .isEmpty();
  }

  private static final AuditResult SUCCESS = AuditResult.SUCCESS;
  private static final AuditResult FAILURE = AuditResult.FAILURE;
}
