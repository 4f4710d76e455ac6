package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.Invitation;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.InvitationStore} contract (FR-05): an invitation is
 * pending until it is accepted (once) or expires; only a hex token hash is stored and found.
 */
public abstract class InvitationStoreContract extends StorageContract {

  private static String hash(String seed) {
    return String.format("%064x", new java.math.BigInteger(1, seed.getBytes())).substring(0, 64);
  }

  @Test
  void invitationsArePendingUntilAcceptedOnceOrExpired() {
    String org = newOrg().id();
    Instant t = now.get();
    Invitation live =
        new Invitation(
            id("inv"),
            org,
            "New@Example.com",
            Role.MEMBER,
            hash(id("a")),
            "owner",
            t,
            t.plus(Duration.ofDays(7)),
            null);
    Invitation expired =
        new Invitation(
            id("inv"),
            org,
            "old@example.com",
            Role.VIEWER,
            hash(id("b")),
            "owner",
            t.minus(Duration.ofDays(8)),
            t.minus(Duration.ofDays(1)),
            null);
    stores.invitations().create(live);
    stores.invitations().create(expired);
    assertThat(stores.invitations().listPending(org, t))
        .extracting(Invitation::id)
        .containsExactly(live.id());
    Invitation found = stores.invitations().findByTokenHash(org, live.tokenHash()).orElseThrow();
    assertThat(found.email()).isEqualTo("new@example.com");
    assertThat(stores.invitations().markAccepted(org, live.id(), t.plusSeconds(5))).isTrue();
    assertThat(stores.invitations().markAccepted(org, live.id(), t.plusSeconds(6))).isFalse();
    assertThat(stores.invitations().listPending(org, t)).isEmpty();
    assertThatThrownBy(() -> stores.invitations().markAccepted(org, "nope", t))
        .isInstanceOf(NotFoundException.class);
    assertThat(stores.invitations().delete(org, expired.id())).isTrue();
    assertThat(stores.invitations().delete(org, expired.id())).isFalse();
  }

  @Test
  void aTokenHashMustBeHex() {
    String org = newOrg().id();
    Instant t = now.get();
    assertThatThrownBy(
            () ->
                stores
                    .invitations()
                    .create(
                        new Invitation(
                            id("inv"),
                            org,
                            "a@b.c",
                            Role.MEMBER,
                            "plain-token",
                            "owner",
                            t,
                            t.plusSeconds(60),
                            null)))
        .isInstanceOf(InvalidInputException.class);
  }
}
