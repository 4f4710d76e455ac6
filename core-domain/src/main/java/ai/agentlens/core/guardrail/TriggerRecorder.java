package ai.agentlens.core.guardrail;

import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.guardrail.model.GuardrailRule;
import ai.agentlens.core.guardrail.model.Trigger;
import ai.agentlens.core.port.storage.GuardrailStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records a trigger: claims it under the rule's cooldown, runs the action (unless dry-run), then
 * appends it to the org's audit log and to the history ({@code guardrail.triggered}, actor SYSTEM).
 * Thread-safe.
 */
public final class TriggerRecorder {

  /** What the action does once the trigger is claimed; returns the action result. */
  @FunctionalInterface
  public interface Action {
    /**
     * Runs the action.
     *
     * @return the action result
     */
    String run();
  }

  private final GuardrailStore store;
  private final AuditTrail audit;
  private final Supplier<String> ids;

  /**
   * Wires the recorder.
   *
   * @param store rules, state and history
   * @param audit the audit trail
   * @param ids new ULIDs
   */
  public TriggerRecorder(GuardrailStore store, AuditTrail audit, Supplier<String> ids) {
    this.store = store;
    this.audit = audit;
    this.ids = ids;
  }

  /**
   * Records one trigger if the cooldown allows.
   *
   * @param rule the rule
   * @param at when
   * @param value the measured value, or {@code null}
   * @param threshold the threshold, or {@code null}
   * @param metadata details (agent, session, findings)
   * @param action the action, run only when claimed and not dry-run
   * @return the trigger, or {@code null} when the rule is cooling down
   */
  public Trigger record(
      GuardrailRule rule,
      Instant at,
      Double value,
      Double threshold,
      Map<String, String> metadata,
      Action action) {
    if (!store.claimTrigger(
        rule.orgId(), rule.id(), at, Duration.ofMinutes(rule.cooldownMinutes()))) {
      return null;
    }
    String result;
    if (rule.dryRun()) {
      result = "dry_run";
    } else {
      try {
        result = action.run();
      } catch (RuntimeException e) {
        result = "failed: " + e.getClass().getSimpleName();
      }
    }
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.put("dryRun", Boolean.toString(rule.dryRun()));
    Trigger t =
        new Trigger(
            ids.get(),
            rule.orgId(),
            rule.id(),
            at,
            value,
            threshold,
            !rule.dryRun(),
            result,
            ai.agentlens.core.json.JsonWriter.write(ai.agentlens.core.json.JsonObject.of(meta)));
    Map<String, String> details = new LinkedHashMap<>(meta);
    details.put("actionType", rule.actionType().wireName());
    details.put("actionResult", result);
    if (value != null) {
      details.put("conditionValue", Double.toString(value));
    }
    audit.append(
        rule.orgId(),
        ActorType.SYSTEM,
        "guardrails",
        "guardrail.triggered",
        "guardrail_rule",
        rule.id(),
        null,
        AuditResult.SUCCESS,
        details);
    // why: the audit entry first, so a trigger visible in the history is always audited already
    store.appendTrigger(t);
    return t;
  }
}
