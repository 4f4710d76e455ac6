package ai.agentlens.web.feature;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.feature.FeatureState;
import ai.agentlens.core.feature.FeatureState.Source;
import ai.agentlens.core.plan.Feature;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureRoutesTest {

  @Test
  void pathsMapToTheirFeatureByPrefix() {
    assertThat(FeatureRoutes.of("/api/analytics/llm")).contains(Feature.ANALYTICS);
    assertThat(FeatureRoutes.of("/api/analytics/tokens")).contains(Feature.ANALYTICS);
    assertThat(FeatureRoutes.of("/analytics")).contains(Feature.ANALYTICS);
    assertThat(FeatureRoutes.of("/api/compliance/report")).contains(Feature.COMPLIANCE);
    assertThat(FeatureRoutes.of("/compliance")).contains(Feature.COMPLIANCE);
    assertThat(FeatureRoutes.of("/api/agents/cards")).contains(Feature.COMPLIANCE);
    assertThat(FeatureRoutes.of("/api/agents/support-bot/card")).contains(Feature.COMPLIANCE);
    for (String free :
        List.of(
            "/api/agents/x/health",
            "/api/agents",
            "/api/agents/cardsx",
            "/analyticsx",
            "/api/events",
            "/sessions",
            "/compliance-other")) {
      assertThat(FeatureRoutes.of(free)).as(free).isEqualTo(Optional.empty());
    }
    assertThat(FeatureRoutes.of(null)).isEmpty();
  }

  @Test
  void theFiltersPatternsSelectEveryGatedPrefix() {
    List<String> patterns = List.of(FeatureFilter.class.getAnnotation(ServerFilter.class).value());
    for (FeatureRoutes.Prefix p : FeatureRoutes.PREFIXES) {
      assertThat(patterns).as(p.prefix()).contains(p.prefix());
      if (!p.prefix().equals("/api/agents/cards")) {
        assertThat(patterns).as(p.prefix()).contains(p.prefix() + "/**");
      }
    }
    assertThat(patterns).contains("/api/agents/*/card");
  }

  @Test
  void theMessageSaysWhichFeatureAndWhy() {
    assertThat(
            FeatureFilter.message(
                new FeatureState(Feature.ANALYTICS, false, Source.PLAN, false, null)))
        .isEqualTo(
            "Payment required: feature 'analytics' is not enabled for this org"
                + " (not included in this org's plan; the free plan unlocks it)");
    assertThat(
            FeatureFilter.message(
                new FeatureState(Feature.COMPLIANCE, false, Source.PLAN, false, null)))
        .endsWith("(not included in this org's plan; the team plan unlocks it)");
    assertThat(
            FeatureFilter.status(
                    new FeatureState(Feature.COMPLIANCE, false, Source.PLAN, false, null))
                .getCode())
        .isEqualTo(402);
    assertThat(
            FeatureFilter.status(
                    new FeatureState(Feature.COMPLIANCE, false, Source.OPERATOR, true, null))
                .getCode())
        .isEqualTo(403);
    assertThat(
            FeatureFilter.message(
                new FeatureState(Feature.COMPLIANCE, false, Source.OPERATOR, true, true)))
        .endsWith("(switched off by the operator for every org)");
  }
}
