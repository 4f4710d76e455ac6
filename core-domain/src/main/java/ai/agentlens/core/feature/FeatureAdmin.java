package ai.agentlens.core.feature;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.AuditLog;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The operator's feature command, shared by both launchers ({@code features list|enable|disable|
 * reset --org ORG [FEATURE]}): reads and sets per-org overrides and writes each change to the org's
 * audit log (actor {@code system}/{@code operator}, action {@code feature.enable}, {@code
 * feature.disable} or {@code feature.reset}). Output is one line per feature.
 */
public final class FeatureAdmin {

  private final FeatureGate gate;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Creates the command's use case.
   *
   * @param gate the feature gate (with the deployment's switched-off features)
   * @param audit the audit log
   * @param clock now
   * @param ids new audit entry ids
   */
  public FeatureAdmin(FeatureGate gate, AuditLog audit, Clock clock, Supplier<String> ids) {
    this.gate = gate;
    this.audit = audit;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Lists every feature of an org.
   *
   * @param orgId the org
   * @return one line per feature, e.g. {@code compliance off (plan; plan: no, override: none)}
   * @throws InvalidInputException when the org does not exist
   */
  public List<String> list(String orgId) {
    return gate
        .list(orgId)
        .orElseThrow(() -> new InvalidInputException("no org '" + orgId + "'"))
        .stream()
        .map(FeatureAdmin::line)
        .toList();
  }

  /**
   * Runs {@code enable}, {@code disable} or {@code reset} for one feature of an org.
   *
   * @param action {@code enable}, {@code disable} or {@code reset}
   * @param orgId the org
   * @param featureName e.g. {@code analytics}
   * @return the feature's line after the change
   * @throws InvalidInputException for an unknown action, feature or org
   */
  public String change(String action, String orgId, String featureName) {
    Feature f =
        Feature.fromWireName(featureName)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "unknown feature '" + featureName + "'; known: " + FeatureGate.known()));
    Boolean value =
        switch (action.toLowerCase(Locale.ROOT)) {
          case "enable" -> Boolean.TRUE;
          case "disable" -> Boolean.FALSE;
          case "reset" -> null;
          default ->
              throw new InvalidInputException(
                  "unknown action '" + action + "'; use enable, disable or reset");
        };
    FeatureState after = gate.override(orgId, f, value);
    audit.append(
        new AuditEntry(
            ids.get(),
            orgId,
            clock.now(),
            ActorType.SYSTEM,
            "operator",
            "feature." + action.toLowerCase(Locale.ROOT),
            "feature",
            f.wireName(),
            null,
            AuditResult.SUCCESS,
            "{}"));
    return line(after);
  }

  private static String line(FeatureState s) {
    return String.format(
        Locale.ROOT,
        "%-11s %-3s (%s; plan: %s, override: %s)",
        s.feature().wireName(),
        s.enabled() ? "on" : "off",
        s.source().wireName(),
        s.inPlan() ? "yes" : "no",
        s.override() == null ? "none" : s.override() ? "on" : "off");
  }
}
