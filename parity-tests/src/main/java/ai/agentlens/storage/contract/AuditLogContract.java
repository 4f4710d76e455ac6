package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.error.InvalidInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.AuditLog} contract (PC-14, PC-15, FR-72): entries are
 * listed newest first with a cursor, details must be a JSON object, the database itself refuses
 * UPDATE and DELETE of entries (proved with raw SQL as the application's user), and the one
 * exception, anonymizing a deleted user, rewrites only that user's ids in every org and is itself
 * audited.
 */
public abstract class AuditLogContract extends StorageContract {

  private AuditEntry entry(String org, String actor, String target, int second) {
    return new AuditEntry(
        id("aud"),
        org,
        now.get().plusSeconds(second),
        ActorType.USER,
        actor,
        "member.remove",
        "user",
        target,
        "203.0.113.7",
        AuditResult.SUCCESS,
        "{\"why\":\"test\"}");
  }

  @Test
  void entriesAreListedNewestFirst() {
    String org = newOrg().id();
    AuditEntry e1 = entry(org, "u1", "u2", 1);
    AuditEntry e2 = entry(org, "u1", "u3", 2);
    stores.audit().append(e1);
    stores.audit().append(e2);
    List<AuditEntry> all = stores.audit().list(org, null, 10);
    assertThat(all).extracting(AuditEntry::id).containsExactly(e2.id(), e1.id());
    assertThat(all.get(1).details()).contains("\"why\"");
    assertThat(stores.audit().list(org, e2.occurredAt(), 10))
        .extracting(AuditEntry::id)
        .containsExactly(e1.id());
    assertThatThrownBy(
            () ->
                stores
                    .audit()
                    .append(
                        new AuditEntry(
                            id("aud"),
                            org,
                            now.get(),
                            ActorType.SYSTEM,
                            "s",
                            "x",
                            null,
                            null,
                            null,
                            AuditResult.FAILURE,
                            "not json")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theDatabaseRefusesUpdateAndDeleteOfEntries() throws SQLException {
    String org = newOrg().id();
    stores.audit().append(entry(org, "u1", "u2", 1));
    try (Connection c = opened.raw().connect()) {
      c.setAutoCommit(false);
      opened.raw().scopeToOrg(c, org);
      for (String sql :
          List.of(
              "update audit_log set action = 'forged' where org_id = '" + org + "'",
              "update audit_log set actor_id = 'x' where org_id = '" + org + "'",
              "delete from audit_log where org_id = '" + org + "'")) {
        try (Statement st = c.createStatement()) {
          assertThatThrownBy(() -> st.executeUpdate(sql)).isInstanceOf(SQLException.class);
        }
        c.rollback();
        opened.raw().scopeToOrg(c, org);
      }
    }
    assertThat(stores.audit().list(org, null, 10))
        .singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo("member.remove"));
  }

  @Test
  void anonymizationRewritesOnlyTheUsersIdsAndIsItselfAudited() {
    String a = newOrg().id();
    String b = newOrg().id();
    String user = id("usr");
    stores.audit().append(entry(a, user, "other", 1));
    stores.audit().append(entry(a, "admin", user, 2));
    stores.audit().append(entry(b, user, null, 3));
    stores.audit().append(entry(b, "admin", "someone", 4));
    Instant at = now.get().plusSeconds(100);

    assertThat(stores.audit().anonymizeActor(user, at)).isEqualTo(3);

    List<AuditEntry> inA = stores.audit().list(a, null, 10);
    assertThat(inA)
        .extracting(AuditEntry::action)
        .containsExactly("audit.actor_anonymized", "member.remove", "member.remove");
    assertThat(inA.get(0).details()).contains("2");
    assertThat(inA.get(1).targetId()).isEqualTo("anonymized");
    assertThat(inA.get(1).actorId()).isEqualTo("admin");
    assertThat(inA.get(2).actorId()).isEqualTo("anonymized");
    assertThat(inA.get(2).targetId()).isEqualTo("other");
    assertThat(inA.subList(1, 3)).allSatisfy(e -> assertThat(e.ip()).isNull());
    List<AuditEntry> inB = stores.audit().list(b, null, 10);
    assertThat(inB).hasSize(3);
    assertThat(inB.get(1).ip()).isEqualTo("203.0.113.7");
    assertThat(inB.toString()).doesNotContain(user);
    assertThat(inA.toString()).doesNotContain(user);

    assertThat(stores.audit().anonymizeActor(user, at)).isZero();
    assertThat(stores.audit().list(a, null, 10)).hasSize(3);
  }
}
