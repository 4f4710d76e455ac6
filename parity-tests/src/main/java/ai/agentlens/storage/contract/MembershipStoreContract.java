package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.error.NotFoundException;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.MembershipStore} contract: members are added (once),
 * listed per org and per user, given another role and removed.
 */
public abstract class MembershipStoreContract extends StorageContract {

  @Test
  void membersAreAddedListedChangedAndRemoved() {
    String a = newOrg().id();
    String b = newOrg().id();
    User u = newUser();
    User v = newUser();
    stores.memberships().add(new Membership(a, u.id(), Role.OWNER, now.get()));
    stores.memberships().add(new Membership(a, v.id(), Role.VIEWER, now.get().plusSeconds(1)));
    stores.memberships().add(new Membership(b, u.id(), Role.MEMBER, now.get().plusSeconds(2)));
    assertThatThrownBy(
            () -> stores.memberships().add(new Membership(a, u.id(), Role.ADMIN, now.get())))
        .isInstanceOf(ConflictException.class);
    assertThat(stores.memberships().listByOrg(a))
        .extracting(Membership::userId)
        .containsExactly(u.id(), v.id());
    assertThat(stores.memberships().listByUser(u.id()))
        .extracting(Membership::orgId)
        .containsExactly(a, b);
    stores.memberships().changeRole(a, v.id(), Role.ADMIN);
    assertThat(stores.memberships().find(a, v.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    assertThatThrownBy(() -> stores.memberships().changeRole(b, v.id(), Role.ADMIN))
        .isInstanceOf(NotFoundException.class);
    assertThat(stores.memberships().remove(a, v.id())).isTrue();
    assertThat(stores.memberships().remove(a, v.id())).isFalse();
    assertThat(stores.memberships().removeAllForUser(u.id())).isEqualTo(2);
    assertThat(stores.memberships().listByUser(u.id())).isEmpty();
  }
}
