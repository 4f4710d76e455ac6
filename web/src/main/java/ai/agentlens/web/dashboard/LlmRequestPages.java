package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.llm.LlmRequests;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestPage;
import ai.agentlens.core.port.llm.LlmRequestQuery;
import ai.agentlens.core.risk.RiskScorer;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.view.Layout;
import ai.agentlens.web.dashboard.view.LlmRequestsPage;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.llm.LlmRequestController;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LLM requests page ({@code /llm-requests}, docs/llm-requests.md): the same search as {@code
 * GET /api/llm/requests} (same parameters, same use case) for any member, as a table with a risk
 * badge and its reasons per request, sortable columns and paging.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Requires(beans = LlmRequests.class)
public class LlmRequestPages {

  /** Requests per page. */
  static final int PAGE_SIZE = 25;

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[][] COLUMNS = {
    {"Time", "time"}, {"Model", "model"}, {"Latency", "latency"}, {"Risk", "risk"}
  };

  private final OrgContext context;
  private final LlmRequests requests;

  LlmRequestPages(OrgContext context, LlmRequests requests) {
    this.context = context;
    this.requests = requests;
  }

  @Get("/llm-requests")
  MutableHttpResponse<?> list(HttpRequest<?> request) {
    OrgContext.Current c = context.require(request);
    Layout layout = context.layout(c, "LLM requests", "llm-requests");
    Map<String, String> in = new LinkedHashMap<>();
    for (String name : List.of("q", "agentId", "model", "status", "minRisk", "sort", "order")) {
      String v = request.getParameters().get(name);
      if (v != null && !v.isBlank()) {
        in.put(name, v.trim());
      }
    }
    int page = page(request.getParameters().get("page"));
    Map<String, String> params = new LinkedHashMap<>(in);
    params.put("limit", String.valueOf(PAGE_SIZE));
    params.put("cursor", String.valueOf((page - 1) * PAGE_SIZE));
    String error = null;
    LlmRequestPage found = new LlmRequestPage(List.of(), false);
    try {
      LlmRequestQuery q =
          LlmRequestController.query(c.orgId(), new ai.agentlens.web.memory.MemoryParams(params));
      found = requests.search(q);
    } catch (BadRequestException e) {
      error =
          "Check the filters: "
              + String.join(
                  ", ", e.problems().stream().map(p -> p.path() + " " + p.message()).toList());
    }
    List<LlmRequestsPage.Row> rows = new ArrayList<>();
    for (LlmRequest r : found.items()) {
      rows.add(row(r));
    }
    return Pages.shown(
        request,
        "llm-requests",
        new LlmRequestsPage(
            layout,
            in.getOrDefault("q", ""),
            in.getOrDefault("agentId", ""),
            in.getOrDefault("model", ""),
            in.getOrDefault("status", ""),
            in.getOrDefault("minRisk", ""),
            error,
            rows,
            sorts(in),
            page > 1 ? url(in, page - 1) : null,
            found.hasMore() ? url(in, page + 1) : null,
            page));
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static int page(String raw) {
    try {
      int p = raw == null ? 1 : Integer.parseInt(raw.trim());
      return Math.max(1, Math.min(p, 10_000));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static LlmRequestsPage.Row row(LlmRequest r) {
    Integer score = r.riskScore();
    String level =
        score == null ? "low" : score >= RiskScorer.HIGH ? "high" : score >= 20 ? "medium" : "low";
    return new LlmRequestsPage.Row(
        r.id(),
        SHOWN.format(r.startedAt()),
        r.startedAt().toString(),
        dash(r.agentId()),
        dash(r.model()),
        r.status().wireName(),
        r.latencyMs() == null ? "—" : r.latencyMs() + " ms",
        cut(r.prompt()),
        cut(r.response()),
        score == null ? "—" : String.valueOf(score),
        level,
        r.reasons().stream()
            .map(x -> x.code() + " (" + Math.round(x.weight() * 100) + ")")
            .toList());
  }

  private static List<LlmRequestsPage.Sort> sorts(Map<String, String> in) {
    String current = in.getOrDefault("sort", in.containsKey("q") ? "relevance" : "time");
    boolean asc = "asc".equals(in.get("order"));
    List<LlmRequestsPage.Sort> out = new ArrayList<>();
    for (String[] col : COLUMNS) {
      Map<String, String> p = new LinkedHashMap<>(in);
      p.put("sort", col[1]);
      boolean now = col[1].equals(current);
      p.put("order", now && !asc ? "asc" : "desc");
      out.add(
          new LlmRequestsPage.Sort(
              col[0], url(p, 1), now ? (asc ? "ascending" : "descending") : "none"));
    }
    return out;
  }

  private static String url(Map<String, String> params, int page) {
    StringBuilder b = new StringBuilder("/llm-requests?page=").append(page);
    params.forEach(
        (k, v) ->
            b.append('&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return b.toString();
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  private static String cut(String s) {
    return s.length() <= 160 ? s : s.substring(0, 159) + "…";
  }
}
