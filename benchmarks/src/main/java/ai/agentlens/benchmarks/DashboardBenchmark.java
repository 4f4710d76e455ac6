package ai.agentlens.benchmarks;

import ai.agentlens.app.selfhosted.SelfhostedConfig;
import ai.agentlens.app.selfhosted.SelfhostedMain;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.org.OrgAdmin;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.UserStore;
import ai.agentlens.core.signin.LoginSessions;
import ai.agentlens.core.signin.Registration;
import ai.agentlens.core.signin.SignIn;
import ai.agentlens.testing.FreePort;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Server time of the dashboard's heaviest pages (NFR-03): the sessions list, a session of 1,000
 * events, and LLM analytics over 7 and 30 days, on app-selfhosted (SQLite) with {@code events}
 * events in the org.
 *
 * <p>Usage: {@code DashboardBenchmark [events=1000000] [repetitions=200]}. Events are written with
 * {@code EventStore.append} in batches of 1,000 (sessions of 100 events, a third of them LLM
 * responses, spread over the last 30 days, plus one session of 1,000 events); then each page is
 * requested over HTTP with a signed-in session cookie, 20 warm-up requests, then {@code
 * repetitions} measured ones; p50/p95/max of the full response time on the loopback are printed.
 */
public final class DashboardBenchmark {

  private DashboardBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args events, repetitions
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int port = FreePort.find();
    ApplicationContext ctx =
        SelfhostedMain.start(
            new SelfhostedConfig(port, Files.createTempDirectory("agentlens-dash-bench-")),
            Map.of("agentlens.bcrypt-cost", 4));
    String email = "bench@example.test";
    String password = "Bench-Password-1";
    User u = ctx.getBean(Registration.class).signUp(email, password, "Bench");
    ctx.getBean(UserStore.class).markVerified(u.id());
    LoginSessions.Started s = ctx.getBean(SignIn.class).withPassword(email, password, "127.0.0.1");
    Org org = ctx.getBean(OrgAdmin.class).create(new Caller(u.id(), "127.0.0.1"), "Bench", null);
    ctx.getBean(LoginSessions.class).switchOrg(s.session(), org.id());

    long t0 = System.nanoTime();
    load(ctx.getBean(EventStore.class), org.id(), events);
    System.out.printf("loaded %,d events in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);

    String base = "http://127.0.0.1:" + port;
    String cookie = "al_session=" + s.cookieValue();
    measure(base + "/sessions", cookie, reps);
    measure(base + "/sessions?status=completed&tag=bench", cookie, reps);
    measure(base + "/sessions/big-session", cookie, reps);
    measure(base + "/analytics?range=7d", cookie, reps);
    measure(base + "/analytics?range=30d", cookie, reps);
    ctx.close();
    System.exit(0);
  }

  private static void load(EventStore store, String orgId, int total) {
    Instant now = Instant.now();
    List<Event> batch = new ArrayList<>(1000);
    for (int i = 0; i < 1000; i++) {
      batch.add(event(orgId, "big-session", i, now.minusSeconds(3600 - i)));
    }
    store.append(new EventBatch(orgId, null, batch));
    int written = 1000;
    int session = 0;
    while (written < total) {
      batch = new ArrayList<>(1000);
      for (int i = 0; i < 1000 && written < total; i++, written++) {
        int inSession = written % 100;
        if (inSession == 0) {
          session++;
        }
        Instant at =
            now.minusSeconds((long) ((double) written / total * 30 * 86_400))
                .plusSeconds(inSession);
        batch.add(event(orgId, "s-" + session, inSession, at));
      }
      store.append(new EventBatch(orgId, null, batch));
    }
  }

  private static Event event(String orgId, String session, int i, Instant at) {
    EventType type;
    String payload;
    if (i == 0) {
      type = EventType.SESSION_STARTED;
      payload = "{\"agentName\":\"Bench agent\",\"tags\":[\"bench\"]}";
    } else if (i == 99) {
      type = EventType.SESSION_ENDED;
      payload = "{\"reason\":\"completed\"}";
    } else if (i % 3 == 1) {
      type = EventType.LLM_CALL;
      payload =
          "{\"callId\":\"c"
              + i
              + "\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
              + "\"content\":\"Summarize the quarterly report in three bullet points.\"}]}";
    } else if (i % 3 == 2) {
      type = EventType.LLM_RESPONSE;
      payload =
          "{\"callId\":\"c"
              + (i - 1)
              + "\",\"provider\":\"openai\",\"model\":\""
              + (i % 2 == 0 ? "gpt-4o" : "gpt-4o-mini")
              + "\",\"completion\":\"Revenue grew; costs fell; outlook stable.\","
              + "\"finishReason\":\"stop\",\"usage\":{\"inputTokens\":850,\"outputTokens\":120,"
              + "\"totalTokens\":970},\"costUsd\":0.0031,\"latencyMs\":640}";
    } else {
      type = EventType.TOOL_CALL;
      payload =
          "{\"toolName\":\"search\",\"callId\":\"t" + i + "\",\"arguments\":{\"q\":\"report\"}}";
    }
    return Event.unwritten(
        UUID.randomUUID().toString(),
        orgId,
        session,
        "agent-" + (session.hashCode() & 7),
        type,
        Severity.INFO,
        at,
        payload,
        "{}");
  }

  private static void measure(String url, String cookie, int reps) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build();
    long bytes = 0;
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + r.statusCode());
      }
      bytes = r.body().length();
    }
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t = System.nanoTime();
      http.send(req, HttpResponse.BodyHandlers.ofString());
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "%-45s p50=%7.1f ms p95=%7.1f ms max=%7.1f ms (%,d bytes)%n",
        url.replaceFirst("http://[^/]+", ""),
        ms[reps / 2],
        ms[(int) Math.ceil(reps * 0.95) - 1],
        ms[reps - 1],
        bytes);
  }
}
