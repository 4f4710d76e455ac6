package ai.agentlens.benchmarks;

import ai.agentlens.app.selfhosted.SelfhostedConfig;
import ai.agentlens.app.selfhosted.SelfhostedMain;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.guardrail.GuardrailActor;
import ai.agentlens.core.guardrail.Guardrails;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.ApiKeyStore;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.testing.FreePort;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/guardrails/evaluate} latency (issue 11): the self-hosted launcher in-process,
 * one org with 20 enabled content rules (PII, secrets, regexes, toxicity, prompt injection; none
 * dry-run, actions that do not block), a 4 KiB English text with one e-mail address, requested over
 * HTTP on the loopback by one client: {@code warmup} untimed, then {@code reps} timed. Prints
 * p50/p95/max of the full response time and of the server's own {@code evaluationMs}.
 *
 * <pre>
 * java -cp … ai.agentlens.benchmarks.GuardrailEvaluateBenchmark [reps=2000] [warmup=500]
 * </pre>
 */
public final class GuardrailEvaluateBenchmark {

  private GuardrailEvaluateBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args repetitions, warm-up requests
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int port = FreePort.find();
    ApplicationContext ctx =
        SelfhostedMain.start(
            new SelfhostedConfig(port, Files.createTempDirectory("agentlens-guard-bench-")),
            Map.of("agentlens.bcrypt-cost", 4));
    Clock clock = ctx.getBean(Clock.class);
    ctx.getBean(OrgStore.class)
        .create(
            new Org(
                "bench",
                "bench",
                "Bench",
                Plan.SELF_HOSTED,
                OrgSettings.defaults(Tiers.of(Plan.SELF_HOSTED).retentionDays()),
                clock.now()));
    String key = ApiKeys.generate(KeyEnvironment.LIVE);
    ctx.getBean(ApiKeyStore.class)
        .create(
            new ApiKey(
                "key_bench",
                "bench",
                ApiKeys.prefix(key),
                ctx.getBean(SecretHasher.class).hash(key),
                KeyEnvironment.LIVE,
                "bench",
                List.of("ingest", "query"),
                "bench",
                clock.now(),
                null,
                null,
                null));
    Guardrails g = ctx.getBean(Guardrails.class);
    GuardrailActor actor = new GuardrailActor(ActorType.SYSTEM, "bench", null);
    for (String rule : rules()) {
      g.create("bench", actor, JsonReader.readObject(rule));
    }
    String body = "{\"content\":\"" + text() + "\",\"context\":{\"agentId\":\"bench-agent\"}}";
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/guardrails/evaluate"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    for (int i = 0; i < warmup; i++) {
      // why: the first, cold requests (class loading, JIT) may spend the 100 ms budget early
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(r.statusCode() + " " + r.body());
      }
    }
    double[] total = new double[reps];
    double[] server = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t = System.nanoTime();
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      total[i] = (System.nanoTime() - t) / 1e6;
      check(r);
      server[i] =
          JsonReader.readObject(r.body()).get("evaluationMs") instanceof Number n
              ? n.doubleValue()
              : Double.NaN;
    }
    System.out.printf(
        "20 content rules, %d-byte text, %d requests: HTTP p50 %.2f ms, p95 %.2f ms, max %.2f ms;"
            + " evaluationMs p50 %.3f ms, p95 %.3f ms, max %.3f ms%n",
        text().length(),
        reps,
        pct(total, 50),
        pct(total, 95),
        pct(total, 100),
        pct(server, 50),
        pct(server, 95),
        pct(server, 100));
    ctx.close();
    System.exit(0);
  }

  private static void check(HttpResponse<String> r) {
    if (r.statusCode() != 200 || !r.body().contains("\"rulesEvaluated\":20")) {
      throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
  }

  private static double pct(double[] v, int p) {
    double[] s = v.clone();
    Arrays.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))];
  }

  private static String text() {
    String para =
        "The customer wrote in about order 4471 which arrived late and partly damaged. Our agent"
            + " looked up the shipment, checked the carrier's tracking history and offered a"
            + " replacement or a refund. The customer preferred the replacement and asked for"
            + " delivery to the office address instead of home. ";
    StringBuilder b = new StringBuilder("Contact: jane.roe@example.com. ");
    while (b.length() < 4096) {
      b.append(para);
    }
    return b.substring(0, 4096);
  }

  private static List<String> rules() {
    String t =
        "{\"name\":\"r%d\",\"dryRun\":false,\"conditionType\":\"%s\",\"actionType\":\"%s\"%s}";
    String[][] specs = {
      {"pii_detection", "alert", ""},
      {
        "pii_detection",
        "log_and_continue",
        ",\"conditionConfig\":{\"patterns\":[\"ssn\",\"credit_card\"]}"
      },
      {
        "pii_detection",
        "alert",
        ",\"conditionConfig\":{\"patterns\":[\"phone_us\",\"phone_intl\"]}"
      },
      {
        "pii_detection",
        "log_and_continue",
        ",\"conditionConfig\":{\"patterns\":[\"ip_address\",\"date_of_birth\"]}"
      },
      {"secrets_detection", "alert", ""},
      {
        "secrets_detection",
        "log_and_continue",
        ",\"conditionConfig\":{\"patterns\":[\"jwt\",\"private_key\"]}"
      },
      {
        "secrets_detection",
        "alert",
        ",\"conditionConfig\":{\"patterns\":[\"openai_key\",\"anthropic_key\"]}"
      },
      {"content_regex", "alert", ",\"conditionConfig\":{\"pattern\":\"order\\\\s+\\\\d{6,}\"}"},
      {
        "content_regex",
        "log_and_continue",
        ",\"conditionConfig\":{\"pattern\":\"\\\\brefund\\\\b\",\"flags\":\"i\"}"
      },
      {"content_regex", "alert", ",\"conditionConfig\":{\"pattern\":\"internal[-_ ]only\"}"},
      {
        "content_regex",
        "alert",
        ",\"conditionConfig\":{\"pattern\":\"(?:password|passwd)\\\\s*[:=]\"}"
      },
      {
        "content_regex",
        "log_and_continue",
        ",\"conditionConfig\":{\"pattern\":\"confidential\",\"flags\":\"gi\"}"
      },
      {"toxicity_detection", "alert", ""},
      {
        "toxicity_detection",
        "log_and_continue",
        ",\"conditionConfig\":{\"categories\":[\"threat\"],\"threshold\":0.5}"
      },
      {"prompt_injection", "alert", ""},
      {"prompt_injection", "log_and_continue", ",\"conditionConfig\":{\"sensitivity\":\"high\"}"},
      {
        "prompt_injection",
        "alert",
        ",\"conditionConfig\":{\"strategies\":[\"delimiter_injection\"],\"sensitivity\":\"low\"}"
      },
      {
        "pii_detection",
        "alert",
        ",\"conditionConfig\":{\"patterns\":[\"passport\",\"drivers_license\"]}"
      },
      {
        "secrets_detection",
        "log_and_continue",
        ",\"conditionConfig\":{\"patterns\":[\"aws_access_key\",\"github_token\"]}"
      },
      {
        "content_regex",
        "alert",
        ",\"conditionConfig\":{\"pattern\":\"\\\\b[A-Z]{3}-\\\\d{4}\\\\b\"}"
      },
    };
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < specs.length; i++) {
      out.add(String.format(t, i, specs[i][0], specs[i][1], specs[i][2]));
    }
    return out;
  }
}
