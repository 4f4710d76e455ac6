package ai.agentlens.web.dashboard;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.policy.Permission;
import ai.agentlens.core.benchmark.Benchmarks;
import ai.agentlens.core.benchmark.InvalidBenchmarkException;
import ai.agentlens.core.benchmark.TransitionRefusedException;
import ai.agentlens.core.benchmark.model.Benchmark;
import ai.agentlens.core.benchmark.model.BenchmarkStatus;
import ai.agentlens.core.benchmark.model.Metric;
import ai.agentlens.core.benchmark.model.Variant;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.web.dashboard.support.Flash;
import ai.agentlens.web.dashboard.support.OrgContext;
import ai.agentlens.web.dashboard.support.PageAuth;
import ai.agentlens.web.dashboard.support.Pages;
import ai.agentlens.web.dashboard.support.Redirects;
import ai.agentlens.web.dashboard.view.BenchmarksPage;
import ai.agentlens.web.dashboard.view.Fmt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmarks page ({@code /benchmarks}, {@code ?id=} for one benchmark's comparison table):
 * Owners, Admins and Members create benchmarks and start, complete or cancel them with
 * post/redirect/get forms; everyone in the org reads. Same {@link Benchmarks} use case as the API.
 */
@Controller("/benchmarks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class BenchmarkPages {

  private final PageAuth auth;
  private final OrgContext context;
  private final Benchmarks benchmarks;

  BenchmarkPages(PageAuth auth, OrgContext context, Benchmarks benchmarks) {
    this.auth = auth;
    this.context = context;
    this.benchmarks = benchmarks;
  }

  @Get
  MutableHttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue String id) {
    OrgContext.Current c = context.require(request);
    List<BenchmarksPage.Row> rows =
        benchmarks.list(c.orgId(), null).stream().map(BenchmarkPages::row).toList();
    BenchmarksPage.Detail detail =
        id == null
            ? null
            : benchmarks
                .find(c.orgId(), id)
                // why: deleted between the two reads, it is the 404 page, not a 500
                .flatMap(b -> benchmarks.results(c.orgId(), id).map(j -> BenchmarkDetails.of(b, j)))
                .orElseThrow(
                    () ->
                        new AccountException(
                            AccountException.Kind.NOT_FOUND,
                            "No benchmark " + id + " in this org."));
    var layout = context.layout(c, "Benchmarks", "benchmarks").withFlash(Flash.read(request));
    List<String> metrics = Arrays.stream(Metric.values()).map(Metric::wireName).toList();
    return Pages.shown(
        request,
        "benchmarks",
        new BenchmarksPage(layout, rows, metrics, detail, c.can(Permission.WRITE_DATA)));
  }

  @Post("/create")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> fields) {
    OrgContext.Current c = context.of(auth.requireForm(request, fields));
    try {
      require(c);
      Benchmark b = benchmarks.create(c.orgId(), body(fields));
      return Flash.ok(Redirects.to("/benchmarks?id=" + b.id()), "Benchmark created.");
    } catch (InvalidBenchmarkException e) {
      return Flash.error(
          Redirects.to("/benchmarks"),
          e.problems().stream()
              .map(p -> p.path() + " " + p.message())
              .collect(Collectors.joining("; ")));
    } catch (AccountException e) {
      return Flash.error(Redirects.to("/benchmarks"), e.getMessage());
    }
  }

  @Post("/{id}/status")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  MutableHttpResponse<?> status(
      HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
    OrgContext.Current c = context.of(auth.requireForm(request, fields));
    String back = "/benchmarks?id=" + Fmt.q(id);
    try {
      require(c);
      BenchmarkStatus to = BenchmarkStatus.parse(fields.getOrDefault("status", "")).orElse(null);
      if (to == null) {
        return Flash.error(Redirects.to(back), "Unknown status.");
      }
      return benchmarks.move(c.orgId(), id, to).isPresent()
          ? Flash.ok(Redirects.to(back), "Benchmark " + to.wireName() + ".")
          : Flash.error(Redirects.to("/benchmarks"), "That benchmark no longer exists.");
    } catch (TransitionRefusedException e) {
      return Flash.error(Redirects.to(back), e.getMessage());
    } catch (AccountException e) {
      return Flash.error(Redirects.to(back), e.getMessage());
    }
  }

  @Error(exception = AccountException.class)
  MutableHttpResponse<?> refused(AccountException e) {
    return Pages.error(e);
  }

  private static void require(OrgContext.Current c) {
    if (!c.can(Permission.WRITE_DATA)) {
      throw new AccountException(
          AccountException.Kind.FORBIDDEN, "Viewers cannot create or change benchmarks.");
    }
  }

  // why: one checkbox per metric (m_<metric>=on), so the form binds as single values
  private static JsonObject body(Map<String, String> f) {
    Map<String, Object> o = new LinkedHashMap<>();
    put(o, "name", f.get("name"));
    put(o, "description", f.get("description"));
    List<Object> metrics = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (f.containsKey("m_" + m.wireName())) {
        metrics.add(m.wireName());
      }
    }
    o.put("metrics", JsonArray.of(metrics));
    String min = f.get("minSessionsPerVariant");
    if (min != null && !min.isBlank()) {
      try {
        o.put("minSessionsPerVariant", JsonNumber.of(new BigDecimal(min.trim())));
      } catch (NumberFormatException e) {
        o.put("minSessionsPerVariant", min);
      }
    }
    List<Object> variants = new ArrayList<>();
    for (String v : List.of("a", "b")) {
      Map<String, Object> x = new LinkedHashMap<>();
      put(x, "name", f.get(v + "Name"));
      put(x, "tag", f.get(v + "Tag"));
      put(x, "agentId", f.get(v + "Agent"));
      variants.add(JsonObject.of(x));
    }
    o.put("variants", JsonArray.of(variants));
    return JsonObject.of(o);
  }

  private static void put(Map<String, Object> o, String key, String value) {
    if (value != null && !value.isBlank()) {
      o.put(key, value.trim());
    }
  }

  private static BenchmarksPage.Row row(Benchmark b) {
    return new BenchmarksPage.Row(
        b.id(),
        b.name(),
        b.status().wireName(),
        b.variants().stream().map(BenchmarkPages::variant).collect(Collectors.joining(", ")),
        b.metrics().stream().map(Metric::wireName).collect(Collectors.joining(", ")),
        Fmt.time(b.createdAt()));
  }

  private static String variant(Variant v) {
    return v.name() + " (" + v.tag() + ")";
  }
}
