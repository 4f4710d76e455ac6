package ai.agentlens.web.feature;

import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.feature.FeatureState;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.web.dashboard.support.OrgContext;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the dashboard's page for a section whose feature is off (402 when a higher plan unlocks
 * it, 403 when an operator switched it off, 503 when the flags cannot be read for a write). It
 * renders the template itself: a response a filter returns does not pass through the views filter.
 */
@Singleton
class FeatureOffPage {

  private static final String VIEW = "feature-off";

  private final OrgContext context;
  private final ViewsRendererLocator views;

  FeatureOffPage(OrgContext context, ViewsRendererLocator views) {
    this.context = context;
    this.views = views;
  }

  MutableHttpResponse<?> render(HttpRequest<?> request, FeatureState state) {
    String section = state.feature() == Feature.ANALYTICS ? "LLM analytics" : "Compliance";
    OrgContext.Current c = context.require(request);
    String reason =
        switch (state.source()) {
          case OPERATOR ->
              "The operator of this AgentLens server has switched it off for every org.";
          case ORG_OVERRIDE -> "An operator has switched it off for this org.";
          case PLAN ->
              "It is not part of this org's plan."
                  + FeatureGate.unlockedBy(state.feature())
                      .map(p -> " The " + p.wireName() + " plan unlocks it.")
                      .orElse("");
          case UNAVAILABLE ->
              "Feature settings cannot be read right now; only reading is allowed. Try again"
                  + " shortly.";
        };
    Map<String, Object> model =
        Map.of(
            "page",
            new ai.agentlens.web.dashboard.view.FeatureOffPage(
                context.layout(c, section, state.feature().wireName()),
                state.feature().wireName(),
                section,
                reason,
                state.inPlan()));
    return HttpResponse.status(FeatureFilter.status(state))
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(html(request, model));
  }

  @SuppressWarnings("unchecked")
  private String html(HttpRequest<?> request, Map<String, Object> model) {
    ViewsRenderer<Object, HttpRequest<?>> renderer =
        views
            .resolveViewsRenderer(VIEW, MediaType.TEXT_HTML, model)
            .orElseThrow(() -> new IllegalStateException("no renderer for " + VIEW));
    Writable page = renderer.render(VIEW, model, request);
    StringWriter out = new StringWriter(8192);
    try {
      page.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
