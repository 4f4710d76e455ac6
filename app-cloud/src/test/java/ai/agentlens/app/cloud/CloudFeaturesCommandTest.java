package ai.agentlens.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.api.Api;
import ai.agentlens.api.Tenants;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.AuditLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code AGENTLENS_ROLE=features}: the operator's command, run as its own process would (its own
 * connection to the deployment's database), changes what a running gateway serves on its next
 * request and is written to the org's audit log.
 */
class CloudFeaturesCommandTest {

  @Test
  void theCommandSwitchesARunningGatewaysFeatureAndIsAudited() {
    try (CloudStack stack = CloudStack.start(Map.of())) {
      CloudConfig config = CloudConfig.fromEnv(stack.env());
      Tenant team = new Tenants(stack).create(Plan.TEAM, null);
      Api api = new Api(stack.url());
      assertThat(api.get("/api/analytics/llm", team.key()).status()).isEqualTo(200);

      List<String> off =
          CloudFeatures.run(config, List.of("disable", "--org", team.orgId(), "analytics"), null);
      assertThat(off).containsExactly("analytics   off (org_override; plan: yes, override: off)");
      Api.Reply refused = api.get("/api/analytics/llm", team.key());
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.json().get("error").asText())
          .contains("feature 'analytics' is not enabled for this org");

      assertThat(CloudFeatures.run(config, List.of("list", "--org=" + team.orgId()), "compliance"))
          .containsExactly(
              "analytics   off (org_override; plan: yes, override: off)",
              "compliance  off (operator; plan: yes, override: none)");
      CloudFeatures.run(config, List.of("reset", "--org", team.orgId(), "analytics"), null);
      assertThat(api.get("/api/analytics/llm", team.key()).status()).isEqualTo(200);

      List<AuditEntry> audit =
          stack.bean(AuditLog.class).query(team.orgId(), AuditQuery.newest(10));
      assertThat(audit)
          .extracting(AuditEntry::action)
          .containsExactly("feature.reset", "feature.disable");
      assertThat(audit.get(0).actorId()).isEqualTo("operator");

      assertThatThrownBy(
              () -> CloudFeatures.run(config, List.of("enable", "--org", team.orgId()), null))
          .hasMessageContaining("usage: agentlens-cloud.jar features");
      assertThatThrownBy(
              () ->
                  CloudFeatures.run(config, List.of("enable", "--org", "nope", "analytics"), null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no org 'nope'");
      assertThatThrownBy(
              () ->
                  CloudFeatures.run(
                      config, List.of("flip", "--org", team.orgId(), "analytics"), null))
          .hasMessageContaining("unknown action 'flip'");
    }
  }
}
