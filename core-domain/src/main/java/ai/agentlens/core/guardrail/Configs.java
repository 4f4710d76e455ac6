package ai.agentlens.core.guardrail;

import ai.agentlens.core.guardrail.detect.PiiDetector;
import ai.agentlens.core.guardrail.detect.PromptInjectionDetector;
import ai.agentlens.core.guardrail.detect.SafeRegex;
import ai.agentlens.core.guardrail.detect.SecretsDetector;
import ai.agentlens.core.guardrail.detect.ToxicityDetector;
import ai.agentlens.core.guardrail.model.ActionType;
import ai.agentlens.core.guardrail.model.ConditionType;
import ai.agentlens.core.json.JsonObject;
import java.net.URI;
import java.util.List;

/** Validates and normalizes condition and action configs (defaults of reference §4.3.6). */
final class Configs {

  /** The backends of {@code toxicity_detection}; only the first is available here. */
  static final List<String> TOXICITY_BACKENDS =
      List.of("local_wordlist", "perspective_api", "openai_moderation");

  /** Legacy {@code custom_metric} counts. */
  static final List<String> METRIC_NAMES = List.of("event_count", "error_count", "session_count");

  static final List<String> OPERATORS = List.of("gt", "gte", "lt", "lte", "eq");

  /** The {@code rate_limit} key of the limit in events per minute (reference spelling). */
  static final String RATE_PER_MINUTE = "requests_per_minute";

  /** The {@code rate_limit} key of how many minutes the limit stays in force. */
  static final String RATE_WINDOW = "window";

  private Configs() {}

  static JsonObject condition(ConditionType type, JsonObject in, List<FieldError> errors) {
    ConfigReader r = new ConfigReader(in, "conditionConfig", errors);
    switch (type) {
      case ERROR_RATE_THRESHOLD -> {
        r.number("threshold", 30, 0, 100);
        r.integer("windowMinutes", 5, 1, 1440);
      }
      case COST_LIMIT -> {
        r.number("maxCostUsd", 10, 0, 1_000_000);
        r.oneOf("scope", "daily", List.of("session", "daily"));
      }
      case HEALTH_SCORE_THRESHOLD -> {
        r.number("minScore", 50, 0, 100);
        r.integer("windowDays", 7, 1, 90);
      }
      case CUSTOM_METRIC -> {
        if (r.has("metricKeyPath") || !r.has("metricName")) {
          String path = r.text("metricKeyPath", 200, !r.has("metricName"));
          if (path != null && !path.matches("[A-Za-z0-9_$-]+(?:\\.[A-Za-z0-9_$-]+)*")) {
            r.fail("metricKeyPath", "must be dot-separated keys, e.g. quality.score");
          }
        }
        if (r.has("metricName")) {
          r.oneOf("metricName", null, METRIC_NAMES);
        }
        r.oneOf("operator", "gt", OPERATORS);
        r.requiredNumber("value");
        r.integer("windowMinutes", 5, 1, 1440);
      }
      case PII_DETECTION -> r.subset("patterns", PiiDetector.NAMES);
      case SECRETS_DETECTION -> r.subset("patterns", SecretsDetector.NAMES);
      case CONTENT_REGEX -> {
        String pattern = r.text("pattern", SafeRegex.MAX_PATTERN, true);
        Object rawFlags = r.raw("flags");
        String flags = "gi";
        if (rawFlags != null && !(rawFlags instanceof String)) {
          r.fail("flags", "must be text made of the letters " + SafeRegex.FLAGS);
        } else if (rawFlags != null) {
          flags = (String) rawFlags;
        }
        if (pattern != null) {
          SafeRegex.problem(pattern, flags)
              .ifPresent(p -> r.fail(p.startsWith("flags") ? "flags" : "pattern", p));
        }
        r.oneOf("flags", "gi", List.of(flags));
        r.text("patternName", 100, false);
        if (!r.has("patternName")) {
          r.oneOf("patternName", "custom", List.of("custom"));
        }
      }
      case TOXICITY_DETECTION -> {
        String backend = r.oneOf("backend", "local_wordlist", TOXICITY_BACKENDS);
        if (backend != null && !backend.equals("local_wordlist")) {
          r.fail("backend", backend + " is not available in this build; use local_wordlist");
        }
        r.number("threshold", 0.7, 0, 1);
        r.subset("categories", ToxicityDetector.CATEGORIES);
      }
      case PROMPT_INJECTION -> {
        r.subset("strategies", PromptInjectionDetector.STRATEGIES);
        r.oneOf("sensitivity", "medium", PromptInjectionDetector.SENSITIVITIES);
      }
      default -> throw new IllegalStateException(type.name());
    }
    return r.result();
  }

  static JsonObject action(ActionType type, JsonObject in, List<FieldError> errors) {
    ConfigReader r = new ConfigReader(in, "actionConfig", errors);
    switch (type) {
      case PAUSE_AGENT -> r.text("reason", 500, false);
      case DOWNGRADE_MODEL -> r.text("targetModel", 200, true);
      case NOTIFY_WEBHOOK -> {
        String url = r.text("url", 2000, true);
        if (url != null && !httpUrl(url)) {
          r.fail("url", "must be an absolute http or https URL with a host");
        }
        r.textMap("headers", 20, 1000);
        r.text("secret", 500, false);
      }
      case RATE_LIMIT -> {
        r.requiredInteger(RATE_PER_MINUTE, 1, 1_000_000);
        r.integer(RATE_WINDOW, 60, 1, 1440);
      }
      case AGENTGATE_POLICY -> {
        r.text("policyId", 200, true);
        r.text("reason", 500, false);
      }
      case REDACT -> r.text("replacement", 100, false);
      case BLOCK, ALERT, LOG_AND_CONTINUE -> r.text("message", 500, false);
      default -> throw new IllegalStateException(type.name());
    }
    return r.result();
  }

  static boolean httpUrl(String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && u.getHost() != null
          && !u.getHost().isBlank()
          && u.getUserInfo() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
