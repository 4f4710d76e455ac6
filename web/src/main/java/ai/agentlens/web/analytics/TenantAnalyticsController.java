package ai.agentlens.web.analytics;

import ai.agentlens.core.analytics.TenantAnalytics;
import ai.agentlens.web.analytics.TenantAnalyticsViews.ActivityView;
import ai.agentlens.web.analytics.TenantAnalyticsViews.AgentUsageView;
import ai.agentlens.web.analytics.TenantAnalyticsViews.TokenDayView;
import ai.agentlens.web.auth.SessionOrKeyAuth;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * The org's usage analytics from the roll-ups (issue 16): the daily LLM token trend, the agents'
 * activity heatmap and LLM usage per agent this month. For an API key (its org) or a dashboard
 * session (the current org); 401 without either.
 */
@Controller("/api/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TenantAnalyticsController {

  private final SessionOrKeyAuth auth;
  private final TenantAnalytics analytics;

  TenantAnalyticsController(SessionOrKeyAuth auth, TenantAnalytics analytics) {
    this.auth = auth;
    this.analytics = analytics;
  }

  /**
   * LLM tokens, calls and cost per UTC day, ascending, exactly {@code days} days ending today.
   *
   * @param request the request
   * @param days 1 to 90, default 30
   * @return one element per day
   */
  @Get(uri = "/tokens", produces = MediaType.APPLICATION_JSON)
  List<TokenDayView> tokens(HttpRequest<?> request, @Nullable @QueryValue String days) {
    String org = auth.requireOrg(request);
    return analytics.tokens(org, days(days)).stream().map(TokenDayView::of).toList();
  }

  /**
   * Events per agent by UTC day of week (0 = Sunday) and hour over the last 30 days.
   *
   * @param request the request
   * @return the non-empty cells; {@code []} when none
   */
  @Get(uri = "/agents/activity", produces = MediaType.APPLICATION_JSON)
  List<ActivityView> activity(HttpRequest<?> request) {
    String org = auth.requireOrg(request);
    return analytics.activity(org).stream().map(ActivityView::of).toList();
  }

  /**
   * LLM usage per agent this calendar month (UTC), tokens descending.
   *
   * @param request the request
   * @return every agent of the org
   */
  @Get(uri = "/agents", produces = MediaType.APPLICATION_JSON)
  List<AgentUsageView> agents(HttpRequest<?> request) {
    String org = auth.requireOrg(request);
    return analytics.agents(org).stream().map(AgentUsageView::of).toList();
  }

  private static int days(String raw) {
    if (raw == null || raw.isBlank()) {
      return TenantAnalytics.DEFAULT_DAYS;
    }
    int max = TenantAnalytics.MAX_DAYS;
    String rule = "must be an integer from 1 to " + max;
    Integer n = null;
    try {
      n = Integer.valueOf(raw.trim());
    } catch (NumberFormatException e) {
      // why: "abc", "1.5" and numbers beyond int range get the same 400 as 0 or 91
    }
    if (n == null || n < 1 || n > max) {
      throw new BadRequestException(
          "days " + rule + " (the maximum range is " + max + " days)",
          List.of(new Problem("days", rule)));
    }
    return n;
  }
}
