package ai.agentlens.web.feature;

import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.feature.FeatureState;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * The one place features are enforced: every request under a gated prefix ({@link FeatureRoutes})
 * whose caller (API key or session) belongs to an org without the feature is refused — 402 naming
 * the plan that unlocks it when the plan lacks it, 403 when an operator switched it off — a JSON
 * error for {@code /api/…}, a page for the dashboard. Requests without valid credentials pass on,
 * so the route answers 401 (or sends the visitor to sign in) as it always does.
 */
@ServerFilter({
  "/api/analytics",
  "/api/analytics/**",
  "/analytics",
  "/analytics/**",
  "/api/compliance",
  "/api/compliance/**",
  "/compliance",
  "/compliance/**",
  "/api/agents/cards",
  "/api/agents/*/card"
})
public class FeatureFilter {

  private final SessionOrKeyAuth auth;
  private final FeatureGate gate;
  private final FeatureOffPage page;

  FeatureFilter(SessionOrKeyAuth auth, FeatureGate gate, FeatureOffPage page) {
    this.auth = auth;
    this.gate = gate;
    this.page = page;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> gate(HttpRequest<?> request) {
    Optional<Feature> feature = FeatureRoutes.of(request.getPath());
    if (feature.isEmpty()) {
      return null;
    }
    Optional<SessionOrKeyAuth.Caller> caller = auth.peek(request);
    if (caller.isEmpty()) {
      return null;
    }
    String method = request.getMethodName();
    Optional<FeatureState> state =
        gate.check(
            caller.get().orgId(), feature.get(), "GET".equals(method) || "HEAD".equals(method));
    if (state.isEmpty() || state.get().enabled()) {
      return null;
    }
    if (request.getPath().startsWith("/api/")) {
      HttpStatus status = status(state.get());
      return HttpResponse.status(status).body(ErrorBody.of(message(state.get()), status.getCode()));
    }
    return page.render(request, state.get());
  }

  /**
   * Chooses the refusal's status: 402 when the plan lacks the feature (a higher plan unlocks it),
   * 503 when the flags could not be read, 403 when an operator switched it off.
   *
   * @param s the decision
   * @return the status
   */
  static HttpStatus status(FeatureState s) {
    return switch (s.source()) {
      case PLAN -> HttpStatus.PAYMENT_REQUIRED;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case OPERATOR, ORG_OVERRIDE -> HttpStatus.FORBIDDEN;
    };
  }

  /**
   * Says why a feature is off, for people and programs.
   *
   * @param s the decision
   * @return e.g. {@code Forbidden: feature 'analytics' is not enabled for this org (…)}
   */
  static String message(FeatureState s) {
    String why =
        switch (s.source()) {
          case OPERATOR -> "switched off by the operator for every org";
          case ORG_OVERRIDE -> "switched off for this org by an operator";
          case PLAN ->
              "not included in this org's plan"
                  + FeatureGate.unlockedBy(s.feature())
                      .map(p -> "; the " + p.wireName() + " plan unlocks it")
                      .orElse("");
          case UNAVAILABLE -> "feature settings are unreadable right now; only reads are served";
        };
    String prefix =
        switch (s.source()) {
          case PLAN -> "Payment required";
          case UNAVAILABLE -> "Unavailable";
          default -> "Forbidden";
        };
    return prefix
        + ": feature '"
        + s.feature().wireName()
        + "' is not enabled for this org ("
        + why
        + ")";
  }
}
