package ai.agentlens.web.feature;

import ai.agentlens.core.feature.Feature;
import ai.agentlens.core.feature.FeatureState;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/** Renders the dashboard's 403 page for a section whose feature is off. */
@Singleton
class FeatureOffPage {

  private final OrgContext context;

  FeatureOffPage(OrgContext context) {
    this.context = context;
  }

  MutableHttpResponse<?> render(HttpRequest<?> request, FeatureState state) {
    String section = state.feature() == Feature.ANALYTICS ? "LLM analytics" : "Compliance";
    OrgContext.Current c = context.require(request);
    String reason =
        switch (state.source()) {
          case OPERATOR ->
              "The operator of this AgentLens server has switched it off for every org.";
          case ORG_OVERRIDE -> "An operator has switched it off for this org.";
          case PLAN -> "It is not part of this org's plan.";
        };
    return Pages.status(
        HttpStatus.FORBIDDEN,
        "feature-off",
        new ai.agentlens.web.dashboard.view.FeatureOffPage(
            context.layout(c, section, state.feature().wireName()),
            state.feature().wireName(),
            section,
            reason,
            state.inPlan()));
  }
}
