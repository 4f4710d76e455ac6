package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventQuery;
import ai.agentlens.core.session.SessionQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation (FR-40) through the ports, on every backend: (a) org A reads none of org B's
 * rows through any store, (b) org A cannot write into org B, (c) with no org, reads return nothing
 * and writes are refused. Where the database isolates tenants itself, the backend module proves
 * that separately with raw SQL.
 */
public abstract class TenantIsolationContract extends StorageContract {

  protected String orgA;
  protected String orgB;
  private Event eventB;
  private String keyB;
  private User userB;
  private String invitationHashB;

  @BeforeAll
  void twoOrgsWithData() {
    orgA = newOrg().id();
    orgB = newOrg().id();
    stores.events().append(batch(orgA, List.of(custom(orgA, "shared-session"))));
    eventB = custom(orgB, "shared-session");
    stores.events().append(batch(orgB, List.of(eventB)));
    var k = ApiKeyStoreContract.key(orgB, ApiKeyStoreContract.prefix(), now.get());
    stores.apiKeys().create(k);
    keyB = k.id();
    userB = newUser();
    stores.memberships().add(new Membership(orgB, userB.id(), Role.OWNER, now.get()));
    invitationHashB = "b".repeat(60) + String.format("%04x", System.nanoTime() & 0xffff);
    invitationHashB = invitationHashB.substring(invitationHashB.length() - 64);
    stores
        .invitations()
        .create(
            new Invitation(
                id("inv"),
                orgB,
                "x@y.z",
                Role.MEMBER,
                invitationHashB,
                "u",
                now.get(),
                now.get().plusSeconds(3600),
                null));
    stores
        .audit()
        .append(
            new AuditEntry(
                id("aud"),
                orgB,
                now.get(),
                ActorType.USER,
                userB.id(),
                "x",
                null,
                null,
                null,
                AuditResult.SUCCESS,
                "{}"));
  }

  @Test
  void a_orgACannotReadOrgBsRows() {
    assertThat(stores.events().find(orgA, eventB.id())).isEmpty();
    assertThat(stores.events().timeline(orgA, "shared-session", 0, 100))
        .allSatisfy(e -> assertThat(e.orgId()).isEqualTo(orgA))
        .hasSize(1);
    assertThat(stores.events().query(orgA, EventQuery.firstPage()))
        .extracting(Event::orgId)
        .containsOnly(orgA);
    assertThat(stores.sessions().find(orgA, "shared-session").orElseThrow().eventCount())
        .isEqualTo(1);
    assertThat(stores.apiKeys().find(orgA, keyB)).isEmpty();
    assertThat(stores.apiKeys().list(orgA)).isEmpty();
    assertThat(stores.memberships().find(orgA, userB.id())).isEmpty();
    assertThat(stores.memberships().listByOrg(orgA)).isEmpty();
    assertThat(stores.invitations().findByTokenHash(orgA, invitationHashB)).isEmpty();
    assertThat(stores.audit().list(orgA, null, 100)).isEmpty();
    assertThat(stores.usage().total(orgA, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")))
        .isEqualTo(1);
  }

  @Test
  void b_orgACannotWriteIntoOrgB() {
    Event forged = custom(orgB, "s");
    assertThatThrownBy(() -> stores.events().append(batch(orgA, List.of(forged))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> stores.apiKeys().revoke(orgA, keyB, now.get()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> stores.memberships().changeRole(orgA, userB.id(), Role.VIEWER))
        .isInstanceOf(NotFoundException.class);
    assertThat(stores.memberships().remove(orgA, userB.id())).isFalse();
    assertThat(stores.events().find(orgB, forged.id())).isEmpty();
    assertThat(stores.apiKeys().find(orgB, keyB).orElseThrow().revokedAt()).isNull();
    assertThat(stores.memberships().find(orgB, userB.id()).orElseThrow().role())
        .isEqualTo(Role.OWNER);
  }

  @Test
  void c_withNoOrgReadsReturnNothingAndWritesAreRefused() {
    for (String none : new String[] {null, "", "  "}) {
      assertThat(stores.events().query(none, EventQuery.firstPage())).isEmpty();
      assertThat(stores.events().count(none, EventQuery.firstPage())).isZero();
      assertThat(stores.events().find(none, eventB.id())).isEmpty();
      assertThat(stores.sessions().list(none, new SessionQuery(null, 50, 0))).isEmpty();
      assertThat(stores.agents().list(none)).isEmpty();
      assertThat(stores.apiKeys().list(none)).isEmpty();
      assertThat(stores.audit().list(none, null, 10)).isEmpty();
      assertThat(stores.orgs().find(none)).isEmpty();
    }
    assertThatThrownBy(() -> stores.events().append(batch("", List.of(custom("", "s")))))
        .isInstanceOf(InvalidInputException.class);
  }
}
