package ai.agentlens.core.guardrail.content;

import ai.agentlens.core.guardrail.detect.PiiDetector;
import ai.agentlens.core.guardrail.detect.PromptInjectionDetector;
import ai.agentlens.core.guardrail.detect.SafeRegex;
import ai.agentlens.core.guardrail.detect.Scan;
import ai.agentlens.core.guardrail.detect.SecretsDetector;
import ai.agentlens.core.guardrail.detect.Span;
import ai.agentlens.core.guardrail.detect.ToxicityDetector;
import ai.agentlens.core.guardrail.model.ActionType;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Evaluates content rules synchronously within a time budget (reference §4.3.6): rules run by
 * priority (highest first, then id); the action of the highest priority among non-dry-run matches
 * decides (block 100 &gt; redact 50 &gt; alert 20 &gt; log_and_continue 10): {@code block}, else
 * {@code redact} (with the redacted content), else {@code allow}. Rules left when the budget is
 * spent are not evaluated. Thread-safe; compiled regexes are cached per pattern and flags, and the
 * built-in detectors' findings are computed once per text and shared by the rules that ask for the
 * same pattern ({@link Scan}), each skipped when the text lacks what it needs.
 */
public final class ContentGuard {

  /** Default budget (reference: 100 ms). */
  public static final long DEFAULT_BUDGET_MS = 100;

  private final LongSupplier nanoTime;
  private final Map<String, Pattern> regexes = new ConcurrentHashMap<>();

  /**
   * Creates the guard.
   *
   * @param nanoTime the monotonic clock, e.g. {@code System::nanoTime}
   */
  public ContentGuard(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Evaluates content.
   *
   * @param rules the org's rules (any kind; only those the context selects run)
   * @param content the text
   * @param context where it comes from
   * @param budgetMs the time budget in milliseconds, &gt; 0
   * @return the decision
   */
  public ContentDecision evaluate(
      List<GuardrailRule> rules, String content, ContentContext context, long budgetMs) {
    long start = nanoTime.getAsLong();
    long deadline = start + budgetMs * 1_000_000L;
    List<GuardrailRule> selected =
        rules.stream()
            .filter(context::selects)
            .sorted(
                Comparator.comparingInt(GuardrailRule::priority)
                    .reversed()
                    .thenComparing(GuardrailRule::id))
            .toList();
    List<ContentMatch> matches = new ArrayList<>();
    List<String> timedOut = new ArrayList<>();
    int evaluated = 0;
    Scan scan = new Scan(content);
    for (GuardrailRule r : selected) {
      if (nanoTime.getAsLong() - deadline >= 0) {
        break;
      }
      try {
        for (Span s : spans(r, scan, deadline)) {
          matches.add(
              new ContentMatch(
                  r.id(),
                  r.name(),
                  r.conditionType(),
                  r.actionType(),
                  s.patternName(),
                  s.start(),
                  s.end(),
                  s.score(),
                  r.dryRun()));
        }
      } catch (SafeRegex.TimedOut e) {
        timedOut.add(r.id());
      }
      evaluated++;
    }
    return decide(selected, matches, content, evaluated, timedOut, start);
  }

  private ContentDecision decide(
      List<GuardrailRule> selected,
      List<ContentMatch> matches,
      String content,
      int evaluated,
      List<String> timedOut,
      long start) {
    int top = 0;
    String blocking = null;
    for (ContentMatch m : matches) {
      if (m.dryRun()) {
        continue;
      }
      int p = m.actionType().priority();
      if (p > top) {
        top = p;
      }
      if (m.actionType() == ActionType.BLOCK && blocking == null) {
        blocking = m.ruleId();
      }
    }
    String decision = "allow";
    String redacted = null;
    if (top >= ActionType.BLOCK.priority()) {
      decision = "block";
    } else if (top >= ActionType.REDACT.priority()) {
      decision = "redact";
      redacted = Redaction.apply(content, matches, selected);
    }
    double ms = Math.round((nanoTime.getAsLong() - start) / 1000.0) / 1000.0;
    return new ContentDecision(
        decision, List.copyOf(matches), ms, evaluated, blocking, redacted, List.copyOf(timedOut));
  }

  private List<Span> spans(GuardrailRule r, Scan scan, long deadline) {
    JsonObject c = r.conditionConfig();
    String content = scan.text().toString();
    return switch (r.conditionType()) {
      case PII_DETECTION -> PiiDetector.find(scan, strings(c, "patterns"));
      case SECRETS_DETECTION -> SecretsDetector.find(scan, strings(c, "patterns"));
      case CONTENT_REGEX -> {
        String pattern = c.string("pattern");
        String flags = c.string("flags");
        Pattern p =
            regexes.computeIfAbsent(flags + "/" + pattern, k -> SafeRegex.compile(pattern, flags));
        yield SafeRegex.find(p, content, c.string("patternName"), deadline);
      }
      case TOXICITY_DETECTION ->
          ToxicityDetector.find(
              scan, strings(c, "categories"), ((JsonNumber) c.get("threshold")).doubleValue());
      case PROMPT_INJECTION ->
          PromptInjectionDetector.find(scan, strings(c, "strategies"), c.string("sensitivity"));
      default -> List.of();
    };
  }

  private static List<String> strings(JsonObject c, String key) {
    return c.array(key).stream().map(String::valueOf).toList();
  }
}
