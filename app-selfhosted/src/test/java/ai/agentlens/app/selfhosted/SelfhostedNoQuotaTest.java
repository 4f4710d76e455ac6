package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.AccountStack;
import ai.agentlens.api.Accounts.OrgOf;
import ai.agentlens.api.Api;
import ai.agentlens.api.QuotaApiContract;
import ai.agentlens.api.SdkRequests;
import ai.agentlens.api.TestStack;
import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.storage.OrgStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Self-hosted has no quota (issue 14): with quotas scaled down as far as the cloud suite scales
 * them (Free would stop at 50), a self-hosted org ingests 6,000 events without a 402, no page shows
 * the banner, and the usage page and {@code GET /api/usage} show usage without a quota or cost.
 */
class SelfhostedNoQuotaTest extends AccountStack {

  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(QuotaApiContract.scaled(extra));
  }

  @Test
  void noLimitNoBannerAndUsageWithoutQuota() throws Exception {
    OrgOf org = accounts.org("Home lab");
    stack.bean(OrgStore.class).updatePlan(org.id(), Plan.SELF_HOSTED);
    stack.bean(OrgDirectory.class).invalidate(org.id());
    String key = accounts.key(org.id(), org.owner()).get("key").asText();
    Api api = new Api(stack.url());
    for (int r = 0; r < 60; r++) {
      List<String> events = new ArrayList<>();
      String session = "s-" + UUID.randomUUID();
      for (int i = 0; i < 100; i++) {
        events.add(
            "{\"sessionId\":\""
                + session
                + "\",\"agentId\":\"bot\",\"eventType\":\"custom\","
                + "\"payload\":{\"type\":\"t\",\"data\":{}}}");
      }
      Api.Reply reply =
          api.post("/api/events", key, SdkRequests.batch(events.toArray(String[]::new)));
      assertThat(reply.status()).as("request " + r + ": " + reply.raw()).isEqualTo(202);
    }
    JsonNode usage =
        api.await(
                "/api/usage",
                key,
                x -> x.status() == 200 && x.json().get("used").asLong() >= 6_000,
                java.time.Duration.ofSeconds(30))
            .json();
    assertThat(usage.get("used").asLong()).isEqualTo(6_000);
    assertThat(usage.get("quota").isNull()).isTrue();
    assertThat(usage.get("remaining").isNull()).isTrue();
    assertThat(usage.get("cost").isNull()).isTrue();
    for (String path : List.of("/sessions", "/usage")) {
      String page = org.owner().browser().get(path).raw();
      assertThat(page).as(path).doesNotContain("class=\"banner").doesNotContain("quota used");
    }
    assertThat(org.owner().browser().get("/usage").raw())
        .contains("6,000")
        .doesNotContain("id=\"cap-form\"")
        .doesNotContain("id=\"usage-meter\"");
  }
}
