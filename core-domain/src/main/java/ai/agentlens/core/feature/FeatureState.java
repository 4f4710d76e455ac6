package ai.agentlens.core.feature;

import ai.agentlens.core.plan.Feature;
import java.util.Objects;

/**
 * Whether one feature is on for one org, and which rule decided it.
 *
 * @param feature the feature
 * @param enabled whether requests for it are served
 * @param source the rule that decided
 * @param inPlan whether the org's plan includes it (the tier table)
 * @param override the org's stored override, or {@code null} when none
 */
public record FeatureState(
    Feature feature, boolean enabled, Source source, boolean inPlan, Boolean override) {

  /** Rejects missing fields. */
  public FeatureState {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(source, "source");
  }

  /** The rule that decided, strongest first. */
  public enum Source {
    /** Switched off for every org by the operator's configuration. */
    OPERATOR,
    /** The org's own override, set by an operator command. */
    ORG_OVERRIDE,
    /** The org's plan in the tier table. */
    PLAN,
    /** The override store could not be read: reads are served, other requests refused. */
    UNAVAILABLE;

    /**
     * Returns the name used in JSON and command output.
     *
     * @return e.g. {@code org_override}
     */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
