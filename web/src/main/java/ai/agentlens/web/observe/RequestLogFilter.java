package ai.agentlens.web.observe;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request (docs/operations.md, "Logs"): request id, method, route template (never
 * the raw path, which may carry ids, and never the query string, which may carry tokens), status
 * and duration. The id is also the {@code X-Request-Id} response header and the {@code requestId}
 * MDC entry of every line logged while the request is handled. Headers and bodies are never logged.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLogFilter implements Ordered {

  private static final Logger LOG = LoggerFactory.getLogger("agentlens.request");
  private static final String ID = "agentlens.requestId";
  private static final String START = "agentlens.requestStart";

  /** First in, last out: the duration covers every other filter. */
  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  @RequestFilter
  void start(HttpRequest<?> request, MutablePropagatedContext context) {
    String id = RequestIds.choose(request.getHeaders().get(RequestIds.HEADER));
    request.setAttribute(ID, id);
    request.setAttribute(START, System.nanoTime());
    context.add(new MdcPropagationContext(Map.of("requestId", id)));
  }

  @ResponseFilter
  void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String id = request.getAttribute(ID, String.class).orElseGet(() -> RequestIds.choose(null));
    response.getHeaders().set(RequestIds.HEADER, id);
    long start = request.getAttribute(START, Long.class).orElse(System.nanoTime());
    long micros = (System.nanoTime() - start) / 1_000;
    String route = routeOf(request);
    int status = response.code();
    LOG.atInfo()
        .addKeyValue("requestId", id)
        .addKeyValue("method", request.getMethodName())
        .addKeyValue("route", route)
        .addKeyValue("status", status)
        .addKeyValue("durationMs", micros / 1000.0)
        .log(
            "{} {} {} {} {}.{}ms",
            id,
            request.getMethodName(),
            route,
            status,
            micros / 1000,
            String.format("%03d", micros % 1000));
  }

  /**
   * The matched route's template, e.g. {@code /api/sessions/{sessionId}}; {@code UNMATCHED} when no
   * route matched (404s), {@code STATIC} for the jar's and WebJars' files, so arbitrary paths never
   * reach the logs or the metrics.
   *
   * @param request the request
   * @return the route label
   */
  public static String routeOf(HttpRequest<?> request) {
    return BasicHttpAttributes.getUriTemplate(request)
        .orElseGet(
            () -> {
              String path = request.getPath();
              return path.startsWith("/assets/") || path.startsWith("/webjars/")
                  ? "STATIC"
                  : "UNMATCHED";
            });
  }
}
