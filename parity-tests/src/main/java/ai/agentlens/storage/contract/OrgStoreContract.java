package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.OrgStore} contract: orgs are created, found and
 * updated; a taken id or slug is a conflict, bad fields are invalid input, unknown orgs are not
 * found; deleting an org purges its data and leaves other orgs and the audit log alone.
 */
public abstract class OrgStoreContract extends StorageContract {

  @Test
  void createFindAndUpdate() {
    Org org = newOrg();
    assertThat(stores.orgs().find(org.id())).contains(org);
    OrgSettings s = new OrgSettings(90, List.of("\\bsk-[a-z]+\\b", "ssn"), true);
    stores.orgs().updateSettings(org.id(), s);
    stores.orgs().updatePlan(org.id(), Plan.TEAM);
    Org read = stores.orgs().find(org.id()).orElseThrow();
    assertThat(read.settings()).isEqualTo(s);
    assertThat(read.plan()).isEqualTo(Plan.TEAM);
    assertThat(read.createdAt()).isEqualTo(now.get());
  }

  @Test
  void takenSlugOrIdIsAConflict() {
    Org org = newOrg();
    Org sameSlug =
        new Org(id("org"), org.slug(), "x", Plan.FREE, OrgSettings.defaults(7), now.get());
    assertThatThrownBy(() -> stores.orgs().create(sameSlug))
        .isInstanceOf(ConflictException.class)
        .matches(e -> !((ConflictException) e).retryable());
  }

  @Test
  void badFieldsAreInvalidInputAndUnknownOrgsNotFound() {
    assertThatThrownBy(
            () ->
                stores
                    .orgs()
                    .create(
                        new Org(
                            id("org"),
                            "Bad Slug!",
                            "x",
                            Plan.FREE,
                            OrgSettings.defaults(7),
                            now.get())))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                stores
                    .orgs()
                    .create(
                        new Org(
                            id("org"),
                            "ok-slug-" + System.nanoTime(),
                            "n".repeat(201),
                            Plan.FREE,
                            OrgSettings.defaults(7),
                            now.get())))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> stores.orgs().updatePlan("no-such-org", Plan.PRO))
        .isInstanceOf(NotFoundException.class);
    assertThat(stores.orgs().find("no-such-org")).isEmpty();
  }

  @Test
  void deletePurgesTheOrgsDataAndLeavesOtherOrgsAndTheAuditLogAlone() {
    Org doomed = newOrg();
    Org other = newOrg();
    var user = newUser();
    for (Org o : List.of(doomed, other)) {
      stores
          .memberships()
          .add(
              new ai.agentlens.core.account.model.Membership(
                  o.id(), user.id(), ai.agentlens.core.account.model.Role.OWNER, now.get()));
      stores.events().append(batch(o.id(), List.of(custom(o.id(), "s1"))));
      stores
          .audit()
          .append(
              new ai.agentlens.core.account.model.AuditEntry(
                  id("aud"),
                  o.id(),
                  now.get(),
                  ai.agentlens.core.account.model.ActorType.USER,
                  user.id(),
                  "org.test",
                  null,
                  null,
                  null,
                  ai.agentlens.core.account.model.AuditResult.SUCCESS,
                  "{}"));
    }
    assertThat(stores.orgs().delete(doomed.id())).isTrue();
    assertThat(stores.orgs().delete(doomed.id())).as("idempotent").isFalse();
    assertThat(stores.orgs().find(doomed.id())).isEmpty();
    assertThat(stores.memberships().listByUser(user.id()))
        .extracting(ai.agentlens.core.account.model.Membership::orgId)
        .containsExactly(other.id());
    assertThat(stores.sessions().find(doomed.id(), "s1")).isEmpty();
    assertThat(stores.sessions().find(other.id(), "s1")).isPresent();
    assertThat(stores.audit().list(doomed.id(), null, 10)).hasSize(1);
  }
}
