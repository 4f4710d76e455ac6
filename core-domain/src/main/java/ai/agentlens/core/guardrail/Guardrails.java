package ai.agentlens.core.guardrail;

import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.guardrail.content.ContentContext;
import ai.agentlens.core.guardrail.content.ContentDecision;
import ai.agentlens.core.guardrail.content.ContentGuard;
import ai.agentlens.core.guardrail.content.ContentMatch;
import ai.agentlens.core.guardrail.model.AgentControl;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.RuleState;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AgentControlStore;
import ai.agentlens.core.port.storage.GuardrailStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The guardrail use cases behind the API (reference §3.5, §4.3.6): rule CRUD (every change
 * audited), status and history reads, content evaluation (triggers recorded on the executor, off
 * the response path), and unpausing an agent. Callers check permissions; every method is scoped to
 * the org it names.
 */
public final class Guardrails {

  /** The status read's number of recent triggers. */
  public static final int RECENT = 10;

  private final GuardrailStore store;
  private final RuleCache cache;
  private final AgentControlStore controls;
  private final ContentGuard guard;
  private final TriggerRecorder recorder;
  private final AuditTrail audit;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Executor executor;

  /**
   * The status of one rule.
   *
   * @param rule the rule
   * @param state its state, or {@code null} when never evaluated
   * @param recentTriggers its newest triggers
   */
  public record Status(GuardrailRule rule, RuleState state, List<Trigger> recentTriggers) {}

  /**
   * Wires the use cases.
   *
   * @param store rules, state and history
   * @param cache the org's rules for evaluation, invalidated here on every change
   * @param controls agent pause and model override
   * @param guard content evaluation
   * @param recorder trigger recording
   * @param audit the audit trail
   * @param clock time
   * @param ids new ULIDs
   * @param executor where content triggers are recorded
   */
  public Guardrails(
      GuardrailStore store,
      RuleCache cache,
      AgentControlStore controls,
      ContentGuard guard,
      TriggerRecorder recorder,
      AuditTrail audit,
      Clock clock,
      Supplier<String> ids,
      Executor executor) {
    this.store = store;
    this.cache = cache;
    this.controls = controls;
    this.guard = guard;
    this.recorder = recorder;
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
    this.executor = executor;
  }

  /**
   * Lists rules.
   *
   * @param orgId the org
   * @param agentId only this agent's and global rules, or {@code null}
   * @param contentOnly only content rules
   * @return the rules
   */
  public List<GuardrailRule> list(String orgId, String agentId, boolean contentOnly) {
    return store.list(orgId, agentId).stream()
        .filter(r -> !contentOnly || r.conditionType().isContent())
        .toList();
  }

  /**
   * Reads a rule.
   *
   * @param orgId the org
   * @param id the rule
   * @return the rule, or empty
   */
  public Optional<GuardrailRule> get(String orgId, String id) {
    return store.find(orgId, id);
  }

  /**
   * Creates a rule.
   *
   * @param orgId the org
   * @param actor who
   * @param body the create body
   * @return the rule
   * @throws RuleInvalidException for a bad body
   */
  public GuardrailRule create(String orgId, GuardrailActor actor, JsonObject body) {
    GuardrailRule r = RuleValidator.create(body, ids.get(), orgId, clock.now());
    store.insert(r);
    cache.invalidate(orgId);
    audited(actor, r, "guardrail.create");
    return r;
  }

  /**
   * Updates a rule (partial).
   *
   * @param orgId the org
   * @param actor who
   * @param id the rule
   * @param patch the fields to change
   * @return the updated rule, or empty when there is no such rule in the org
   * @throws RuleInvalidException for a bad patch
   */
  public Optional<GuardrailRule> update(
      String orgId, GuardrailActor actor, String id, JsonObject patch) {
    Optional<GuardrailRule> existing = store.find(orgId, id);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    GuardrailRule r = RuleValidator.update(existing.get(), patch, clock.now());
    if (!store.update(r)) {
      return Optional.empty();
    }
    cache.invalidate(orgId);
    audited(actor, r, "guardrail.update");
    return Optional.of(r);
  }

  /**
   * Deletes a rule with its state and history.
   *
   * @param orgId the org
   * @param actor who
   * @param id the rule
   * @return whether it existed
   */
  public boolean delete(String orgId, GuardrailActor actor, String id) {
    Optional<GuardrailRule> existing = store.find(orgId, id);
    if (existing.isEmpty() || !store.delete(orgId, id)) {
      return false;
    }
    cache.invalidate(orgId);
    audited(actor, existing.get(), "guardrail.delete");
    return true;
  }

  /**
   * Reads a rule's status.
   *
   * @param orgId the org
   * @param id the rule
   * @return the status, or empty
   */
  public Optional<Status> status(String orgId, String id) {
    return store
        .find(orgId, id)
        .map(
            r ->
                new Status(
                    r,
                    store.state(orgId, id).orElse(null),
                    store.history(orgId, id, RECENT, 0).triggers()));
  }

  /**
   * Reads a rule's evaluation state.
   *
   * @param orgId the org
   * @param id the rule
   * @return the state, or empty when never evaluated or no such rule
   */
  public Optional<RuleState> state(String orgId, String id) {
    return store.state(orgId, id);
  }

  /**
   * Pages through the trigger history.
   *
   * @param orgId the org
   * @param ruleId one rule, or {@code null}
   * @param limit 1..200
   * @param offset &ge; 0
   * @return the page
   */
  public GuardrailStore.TriggerPage history(String orgId, String ruleId, int limit, int offset) {
    return store.history(orgId, ruleId, limit, offset);
  }

  /**
   * Evaluates content against the org's content rules and records the triggers asynchronously.
   *
   * @param orgId the org
   * @param content the text
   * @param context where it comes from
   * @param budgetMs the time budget
   * @return the decision
   */
  public ContentDecision evaluate(
      String orgId, String content, ContentContext context, long budgetMs) {
    List<GuardrailRule> rules = cache.list(orgId, context.agentId());
    ContentDecision d = guard.evaluate(rules, content, context, budgetMs);
    if (!d.matches().isEmpty()) {
      try {
        executor.execute(() -> recordContent(rules, d, context));
      } catch (RejectedExecutionException e) {
        // why: recording is best effort; the caller's decision must not wait or fail for it
      }
    }
    return d;
  }

  private void recordContent(List<GuardrailRule> rules, ContentDecision d, ContentContext ctx) {
    var now = ai.agentlens.core.event.Times.micros(clock.now());
    for (GuardrailRule r : rules) {
      List<ContentMatch> mine =
          d.matches().stream().filter(m -> m.ruleId().equals(r.id())).toList();
      if (mine.isEmpty()) {
        continue;
      }
      Map<String, String> meta = new LinkedHashMap<>();
      if (ctx.agentId() != null) {
        meta.put("agentId", ctx.agentId());
      }
      if (ctx.toolName() != null) {
        meta.put("toolName", ctx.toolName());
      }
      meta.put(
          "patterns",
          String.join(",", mine.stream().map(ContentMatch::patternName).distinct().toList()));
      meta.put("decision", d.decision());
      recorder.record(r, now, (double) mine.size(), null, meta, () -> r.actionType().wireName());
    }
  }

  /**
   * Clears an agent's pause.
   *
   * @param orgId the org
   * @param actor who
   * @param agentId the agent
   * @return whether the agent exists
   */
  public boolean unpause(String orgId, GuardrailActor actor, String agentId) {
    if (!controls.unpause(orgId, agentId)) {
      return false;
    }
    audit.append(
        orgId,
        actor.type(),
        actor.id(),
        "agent.unpause",
        "agent",
        agentId,
        actor.ip(),
        AuditResult.SUCCESS,
        Map.of());
    return true;
  }

  /**
   * Reads an agent's controls.
   *
   * @param orgId the org
   * @param agentId the agent
   * @return the controls, or empty when no such agent
   */
  public Optional<AgentControl> controls(String orgId, String agentId) {
    return controls.find(orgId, agentId);
  }

  private void audited(GuardrailActor actor, GuardrailRule r, String action) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("name", r.name());
    details.put("conditionType", r.conditionType().wireName());
    details.put("actionType", r.actionType().wireName());
    details.put("enabled", Boolean.toString(r.enabled()));
    details.put("dryRun", Boolean.toString(r.dryRun()));
    audit.append(
        r.orgId(),
        actor.type(),
        actor.id(),
        action,
        "guardrail_rule",
        r.id(),
        actor.ip(),
        AuditResult.SUCCESS,
        details);
  }
}
