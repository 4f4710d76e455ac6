package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.remediation.AgentSettingsStore;
import ai.agentlens.core.port.remediation.AgentSettingsStore.OrgSettings;
import ai.agentlens.core.port.remediation.RemediationStore;
import ai.agentlens.core.remediation.model.AgentSettings;
import ai.agentlens.core.remediation.model.Remediation;
import ai.agentlens.core.remediation.model.RemediationKind;
import ai.agentlens.core.remediation.model.RemediationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link AgentSettingsStore} and {@link RemediationStore} contracts: settings rows (an agent's
 * and the org default) round-trip exactly, unset fields stay unset, {@code put} replaces, {@code
 * delete} removes, {@code all} reads both kinds; remediations round-trip exactly (parameters, the
 * snapshot, microseconds), list oldest first, and {@code finish} changes an applied one once; no
 * org reads or changes another's rows.
 */
public abstract class RemediationStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123456Z");

  private static final AgentSettings FULL =
      new AgentSettings(
          "gpt-4o-mini «ü» 🚨",
          40,
          120,
          "You are careful.\n\"Quoted\"",
          List.of("shell", "delete_user"),
          List.of("/v1/admin"));

  private AgentSettingsStore settings() {
    return provider.incidents().settings();
  }

  private RemediationStore remediations() {
    return provider.incidents().remediations();
  }

  private static Remediation applied(String org, String id, String incident, Instant at) {
    return new Remediation(
        org,
        id,
        incident,
        "bot",
        RemediationKind.SWITCH_MODEL,
        JsonObject.of(Map.of("model", "gpt-4o-mini", "n", JsonNumber.of(3))),
        RemediationStatus.APPLIED,
        new Remediation.Snapshot(FULL, null, null),
        "user-1",
        at,
        null,
        null,
        null);
  }

  @Test
  void settingsRowsRoundTripAndReplace() {
    String org = newOrg().id();
    assertThat(settings().find(org, "bot")).isEmpty();
    assertThat(settings().all(org)).isEqualTo(OrgSettings.NONE);
    settings().put(org, "bot", FULL);
    assertThat(settings().find(org, "bot")).contains(FULL);
    AgentSettings some = new AgentSettings(null, 70, null, null, List.of(), null);
    settings().put(org, null, some);
    assertThat(settings().find(org, null)).contains(some);
    assertThat(settings().all(org)).isEqualTo(new OrgSettings(some, Map.of("bot", FULL)));
    assertThat(settings().all(org).effective("other").riskThreshold()).isEqualTo(70);
    settings().put(org, "bot", AgentSettings.NONE);
    assertThat(settings().find(org, "bot")).contains(AgentSettings.NONE);
    assertThat(settings().delete(org, "bot")).isTrue();
    assertThat(settings().delete(org, "bot")).isFalse();
    assertThat(settings().find(org, "bot")).isEmpty();
  }

  @Test
  void settingsOfAnotherOrgAreNeitherReadNorChanged() {
    String a = newOrg().id();
    String b = newOrg().id();
    settings().put(a, "bot", FULL);
    assertThat(settings().find(b, "bot")).isEmpty();
    assertThat(settings().find(null, "bot")).isEmpty();
    assertThat(settings().all(b)).isEqualTo(OrgSettings.NONE);
    assertThat(settings().delete(b, "bot")).isFalse();
    settings().put(b, "bot", AgentSettings.NONE);
    assertThat(settings().find(a, "bot")).contains(FULL);
  }

  @Test
  void remediationsRoundTripListOldestFirstAndFinishOnce() {
    String org = newOrg().id();
    Remediation second = applied(org, "rem_02", "inc_1", T.plusSeconds(5));
    Remediation first = applied(org, "rem_01", "inc_1", T);
    Remediation keyed =
        new Remediation(
            org,
            "rem_03",
            "inc_1",
            null,
            RemediationKind.RATE_LIMIT,
            JsonObject.of(Map.of("keyId", "k1", "requestsPerMinute", JsonNumber.of(5))),
            RemediationStatus.APPLIED,
            new Remediation.Snapshot(null, "k1", 60),
            "al_live_abcdefgh",
            T.plusSeconds(9),
            null,
            null,
            null);
    remediations().insert(second);
    remediations().insert(first);
    remediations().insert(keyed);
    remediations().insert(applied(org, "rem_09", "inc_2", T));
    assertThat(remediations().find(org, "inc_1", "rem_01")).contains(first);
    assertThat(remediations().find(org, "inc_1", "rem_03")).contains(keyed);
    assertThat(remediations().find(org, "inc_2", "rem_01")).isEmpty();
    assertThat(remediations().list(org, "inc_1")).containsExactly(first, second, keyed);

    Instant at = T.plusSeconds(60);
    assertThat(remediations().finish(org, "rem_01", false, "user-2", at, null)).isTrue();
    assertThat(remediations().finish(org, "rem_01", true, "user-3", at, "x")).isFalse();
    Remediation reverted = remediations().find(org, "inc_1", "rem_01").orElseThrow();
    assertThat(reverted.status()).isEqualTo(RemediationStatus.REVERTED);
    assertThat(reverted.revertedBy()).isEqualTo("user-2");
    assertThat(reverted.revertedAt()).isEqualTo(at);
    assertThat(remediations().finish(org, "rem_02", true, "user-2", at, "the key is gone"))
        .isTrue();
    Remediation failed = remediations().find(org, "inc_1", "rem_02").orElseThrow();
    assertThat(failed.status()).isEqualTo(RemediationStatus.FAILED);
    assertThat(failed.error()).isEqualTo("the key is gone");
  }

  @Test
  void remediationsOfAnotherOrgAreNeitherReadNorChanged() {
    String a = newOrg().id();
    String b = newOrg().id();
    Remediation mine = applied(a, "rem_01", "inc_1", T);
    remediations().insert(mine);
    assertThat(remediations().find(b, "inc_1", "rem_01")).isEmpty();
    assertThat(remediations().list(b, "inc_1")).isEmpty();
    assertThat(remediations().list(null, "inc_1")).isEmpty();
    assertThat(remediations().finish(b, "rem_01", false, "x", T, null)).isFalse();
    assertThat(remediations().find(a, "inc_1", "rem_01")).contains(mine);
  }
}
