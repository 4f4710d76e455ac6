package ai.agentlens.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.api.Api;
import ai.agentlens.api.SdkRequests;
import ai.agentlens.api.Tenants;
import ai.agentlens.api.Tenants.Tenant;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditQuery;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.AuditLog;
import ai.agentlens.core.port.storage.OrgStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code billing enterprise|free}: the operator's Enterprise switch, run as its own process would
 * (its own connection to the deployment's database), sets the plan and retention, is audited with
 * the operator as actor, and a running gateway applies Enterprise's rate limit within the org
 * cache's 5 s; bad arguments are one-line errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudBillingCommandTest {

  private CloudStack stack;
  private CloudConfig config;

  @BeforeAll
  void start() {
    stack = CloudStack.start(Map.of());
    config = CloudConfig.fromEnv(stack.env());
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private static int ingest(Api api, String key, int n) {
    List<String> events = new ArrayList<>();
    String session = "s-" + UUID.randomUUID();
    for (int i = 0; i < n; i++) {
      events.add(SdkRequests.toolCall(session, null));
    }
    return api.post("/api/events", key, SdkRequests.batch(events.toArray(String[]::new))).status();
  }

  @Test
  void theOperatorSetsEnterpriseWithRetentionAndBackToFreeAudited() throws Exception {
    Tenant t = new Tenants(stack).create(Plan.FREE, null);
    Api api = new Api(stack.url());
    assertThat(ingest(api, t.key(), 60)).isEqualTo(202);
    assertThat(ingest(api, t.key(), 60)).as("Free: 100 events a minute").isEqualTo(429);

    String line =
        CloudBillingCommand.run(
            config,
            List.of(
                "enterprise",
                "--org",
                t.orgId(),
                "--retention-days",
                "200",
                "--operator",
                "ops-ann"));
    assertThat(line).isEqualTo("org " + t.orgId() + ": plan enterprise, retention 200 days");
    var org = stack.bean(OrgStore.class).find(t.orgId()).orElseThrow();
    assertThat(org.plan()).isEqualTo(Plan.ENTERPRISE);
    assertThat(org.settings().retentionDays()).isEqualTo(200);
    Thread.sleep(5_100); // why: the gateway's org cache holds a plan for up to 5 s
    assertThat(ingest(api, t.key(), 60)).as("Enterprise's rate limit").isEqualTo(202);

    assertThat(CloudBillingCommand.run(config, List.of("enterprise", "--org", t.orgId())))
        .as("asking again changes nothing")
        .endsWith("plan enterprise, retention 200 days");
    CloudBillingCommand.run(config, List.of("free", "--org", t.orgId()));
    assertThat(stack.bean(OrgStore.class).find(t.orgId()).orElseThrow().plan())
        .isEqualTo(Plan.FREE);

    List<AuditEntry> audit =
        stack.bean(AuditLog.class).query(t.orgId(), AuditQuery.newest(10)).stream()
            .filter(e -> e.action().startsWith("billing."))
            .toList();
    assertThat(audit)
        .extracting(AuditEntry::action)
        .containsExactly(
            "billing.plan_changed", "billing.enterprise_retention", "billing.plan_changed");
    assertThat(audit).extracting(AuditEntry::actorType).containsOnly(ActorType.SYSTEM);
    assertThat(audit.get(2).actorId()).isEqualTo("ops-ann");
    // why: PostgreSQL stores details as jsonb, which adds a space after the colon
    assertThat(audit.get(2).details()).containsPattern("\"to\":\\s*\"enterprise\"");
    assertThat(audit.get(0).actorId()).isEqualTo("operator");
  }

  @Test
  void badArgumentsAreOneLineErrors() {
    Tenant t = new Tenants(stack).create(Plan.FREE, null);
    assertThatThrownBy(() -> CloudBillingCommand.run(config, List.of("enterprise")))
        .hasMessageContaining("usage: agentlens-cloud.jar billing");
    assertThatThrownBy(() -> CloudBillingCommand.run(config, List.of("gold", "--org", t.orgId())))
        .hasMessageContaining("usage: agentlens-cloud.jar billing");
    assertThatThrownBy(
            () -> CloudBillingCommand.run(config, List.of("enterprise", "--org", "nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no org 'nope'");
    assertThatThrownBy(
            () ->
                CloudBillingCommand.run(
                    config, List.of("enterprise", "--org", t.orgId(), "--retention-days", "x")))
        .hasMessageContaining("--retention-days: not a number");
    assertThatThrownBy(
            () ->
                CloudBillingCommand.run(
                    config, List.of("enterprise", "--org", t.orgId(), "--retention-days", "4000")))
        .hasMessageContaining("retentionDays: must be 1..365");
    assertThatThrownBy(
            () ->
                CloudBillingCommand.run(
                    config, List.of("free", "--org", t.orgId(), "--retention-days", "30")))
        .hasMessageContaining("only set with Enterprise");
    assertThat(stack.bean(OrgStore.class).find(t.orgId()).orElseThrow().plan())
        .as("nothing changed")
        .isEqualTo(Plan.FREE);
  }
}
