package ai.agentlens.core.guardrail.content;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.guardrail.RuleValidator;
import ai.agentlens.core.guardrail.model.Direction;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.json.JsonReader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Content decisions: priorities, dry-run, scoping, redaction and the budget. */
class ContentGuardTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ContentGuard guard = new ContentGuard(System::nanoTime);
  private static final ContentContext ANY = new ContentContext("a1", null, null);

  private static GuardrailRule rule(String id, String json) {
    return RuleValidator.create(JsonReader.readObject(json), id, "o1", T0);
  }

  private static GuardrailRule pii(String id, String action, boolean dryRun) {
    return rule(
        id,
        "{\"name\":\""
            + id
            + "\",\"conditionType\":\"pii_detection\",\"actionType\":\""
            + action
            + "\",\"dryRun\":"
            + dryRun
            + ",\"conditionConfig\":{\"patterns\":[\"email\",\"ssn\"]}}");
  }

  @Test
  void allowWhenNothingMatches() {
    ContentDecision d = guard.evaluate(List.of(pii("r1", "block", false)), "hello", ANY, 100);
    assertThat(d.decision()).isEqualTo("allow");
    assertThat(d.matches()).isEmpty();
    assertThat(d.rulesEvaluated()).isEqualTo(1);
    assertThat(d.blockingRuleId()).isNull();
    assertThat(d.redactedContent()).isNull();
  }

  @Test
  void blockBeatsRedactBeatsAlert() {
    String text = "mail a@example.com ssn 123-45-6789";
    var alert = pii("r1", "alert", false);
    var redact = pii("r2", "redact", false);
    var block = pii("r3", "block", false);
    assertThat(guard.evaluate(List.of(alert), text, ANY, 100).decision()).isEqualTo("allow");
    ContentDecision r = guard.evaluate(List.of(alert, redact), text, ANY, 100);
    assertThat(r.decision()).isEqualTo("redact");
    assertThat(r.redactedContent()).isEqualTo("mail [REDACTED:email] ssn [REDACTED:ssn]");
    ContentDecision b = guard.evaluate(List.of(alert, redact, block), text, ANY, 100);
    assertThat(b.decision()).isEqualTo("block");
    assertThat(b.blockingRuleId()).isEqualTo("r3");
    assertThat(b.redactedContent()).isNull();
    assertThat(b.matches()).hasSize(6);
    // rule r1 first; within a rule, patterns in PiiDetector.NAMES order (ssn before email)
    assertThat(b.matches().get(0).patternName()).isEqualTo("ssn");
    assertThat(b.matches().get(0).start()).isEqualTo(23);
    assertThat(b.matches().get(1).start()).isEqualTo(5);
  }

  @Test
  void dryRunRulesReportButDoNotDecide() {
    ContentDecision d =
        guard.evaluate(List.of(pii("r1", "block", true)), "a@example.com", ANY, 100);
    assertThat(d.decision()).isEqualTo("allow");
    assertThat(d.matches()).singleElement().extracting(ContentMatch::dryRun).isEqualTo(true);
  }

  @Test
  void scopingByAgentToolDirectionAndEnabled() {
    String base = "\"conditionType\":\"pii_detection\",\"actionType\":\"block\",\"dryRun\":false";
    var otherAgent = rule("r1", "{\"name\":\"a\",\"agentId\":\"a2\"," + base + "}");
    var toolOnly = rule("r2", "{\"name\":\"t\",\"toolNames\":[\"search\"]," + base + "}");
    var outputOnly = rule("r3", "{\"name\":\"o\",\"direction\":\"output\"," + base + "}");
    var disabled = rule("r4", "{\"name\":\"d\",\"enabled\":false," + base + "}");
    var metric =
        rule("r5", "{\"name\":\"m\",\"conditionType\":\"cost_limit\",\"actionType\":\"alert\"}");
    List<GuardrailRule> all = List.of(otherAgent, toolOnly, outputOnly, disabled, metric);
    String text = "a@example.com";
    assertThat(
            guard
                .evaluate(all, text, new ContentContext("a1", null, Direction.INPUT), 100)
                .rulesEvaluated())
        .isZero();
    ContentDecision d =
        guard.evaluate(all, text, new ContentContext("a1", "search", Direction.OUTPUT), 100);
    assertThat(d.matches()).extracting(ContentMatch::ruleId).containsExactly("r2", "r3");
  }

  @Test
  void higherPriorityRulesRunFirstAndNameTheBlock() {
    String base = ",\"conditionType\":\"pii_detection\",\"actionType\":\"block\",\"dryRun\":false}";
    var low = rule("a-low", "{\"name\":\"l\",\"priority\":-5" + base);
    var high = rule("z-high", "{\"name\":\"h\",\"priority\":500" + base);
    ContentDecision d = guard.evaluate(List.of(low, high), "x@example.com", ANY, 100);
    assertThat(d.blockingRuleId()).isEqualTo("z-high");
  }

  @Test
  void theBudgetStopsEvaluation() {
    AtomicLong now = new AtomicLong();
    // every clock read advances 40 ms: start 0, checks at 40 and 80 run two rules, the check at
    // 120 is past the 100 ms budget; the final read is 160
    ContentGuard slow = new ContentGuard(() -> now.getAndAdd(40_000_000L));
    List<GuardrailRule> rules =
        List.of(pii("r1", "alert", false), pii("r2", "alert", false), pii("r3", "alert", false));
    ContentDecision d = slow.evaluate(rules, "a@example.com", ANY, 100);
    assertThat(d.rulesEvaluated()).isEqualTo(2);
    assertThat(d.evaluationMs()).isEqualTo(160.0);
  }

  @Test
  void regexRuleWithItsNameAndReplacement() {
    var r =
        rule(
            "r1",
            "{\"name\":\"orders\",\"conditionType\":\"content_regex\",\"actionType\":\"redact\",\"dryRun\":false,"
                + "\"conditionConfig\":{\"pattern\":\"order-\\\\d+\",\"patternName\":\"order\"},"
                + "\"actionConfig\":{\"replacement\":\"***\"}}");
    ContentDecision d = guard.evaluate(List.of(r), "see ORDER-42 now", ANY, 100);
    assertThat(d.decision()).isEqualTo("redact");
    assertThat(d.redactedContent()).isEqualTo("see *** now");
    assertThat(d.matches().get(0).patternName()).isEqualTo("order");
  }
}
