package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.port.storage.FeatureOverrideStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link FeatureOverrideStore} contract: one override per (org, feature), replaced by a later
 * set, removed by clear; never visible to another org; an unknown org is not found; deleting the
 * org deletes its overrides.
 */
public abstract class FeatureOverrideStoreContract extends StorageContract {

  private FeatureOverrideStore store() {
    return stores.featureOverrides();
  }

  @Test
  void setReplacesAndClearRemoves() {
    Org org = newOrg();
    assertThat(store().find(org.id())).isEmpty();
    store().set(org.id(), Feature.COMPLIANCE, true, now.get());
    store().set(org.id(), Feature.ANALYTICS, false, now.get());
    assertThat(store().find(org.id()))
        .isEqualTo(Map.of(Feature.COMPLIANCE, true, Feature.ANALYTICS, false));
    store().set(org.id(), Feature.COMPLIANCE, false, now.get());
    store().set(org.id(), Feature.COMPLIANCE, false, now.get());
    assertThat(store().find(org.id()).get(Feature.COMPLIANCE)).isFalse();
    assertThat(store().clear(org.id(), Feature.COMPLIANCE)).isTrue();
    assertThat(store().clear(org.id(), Feature.COMPLIANCE)).isFalse();
    assertThat(store().find(org.id())).isEqualTo(Map.of(Feature.ANALYTICS, false));
  }

  @Test
  void anotherOrgSeesAndClearsNothing() {
    Org mine = newOrg();
    Org other = newOrg();
    store().set(mine.id(), Feature.ANALYTICS, false, now.get());
    assertThat(store().find(other.id())).isEmpty();
    assertThat(store().clear(other.id(), Feature.ANALYTICS)).isFalse();
    assertThat(store().find(mine.id())).containsEntry(Feature.ANALYTICS, false);
    assertThat(store().find(null)).isEmpty();
    assertThat(store().find(" ")).isEmpty();
  }

  @Test
  void unknownOrgIsNotFoundAndDeletionRemovesOverrides() {
    assertThatThrownBy(() -> store().set(id("org"), Feature.ANALYTICS, true, now.get()))
        .isInstanceOf(NotFoundException.class);
    Org org = newOrg();
    store().set(org.id(), Feature.COMPLIANCE, true, now.get());
    assertThat(stores.orgs().delete(org.id())).isTrue();
    assertThat(store().find(org.id())).isEmpty();
  }
}
