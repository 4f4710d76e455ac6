package ai.agentlens.core.feature;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.feature.FeatureState.Source;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.FeatureOverrideStore;
import ai.agentlens.core.port.storage.OrgStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a feature is on for an org, strongest rule first: the operator's deployment-wide
 * switch-off ({@code agentlens.features.disabled}), then the org's stored override, then the org's
 * plan in the tier table. Reads storage on every call (two primary-key reads), so an operator's
 * change takes effect on the next request on every instance, without a restart or a cache to wait
 * for. Thread-safe.
 */
public final class FeatureGate {

  private static final System.Logger LOG = System.getLogger(FeatureGate.class.getName());

  private final OrgStore orgs;
  private final FeatureOverrideStore overrides;
  private final Set<Feature> disabled;
  private final Clock clock;

  /**
   * Creates the gate.
   *
   * @param orgs orgs, for their plan
   * @param overrides per-org overrides
   * @param disabled features the operator switched off for every org
   * @param clock time recorded with an override
   */
  public FeatureGate(
      OrgStore orgs, FeatureOverrideStore overrides, Set<Feature> disabled, Clock clock) {
    this.orgs = orgs;
    this.overrides = overrides;
    this.disabled = disabled.isEmpty() ? Set.of() : EnumSet.copyOf(disabled);
    this.clock = clock;
  }

  /**
   * Parses the operator's list, e.g. {@code "compliance, analytics"}.
   *
   * @param list comma-separated feature names; {@code null} or blank for none
   * @return the features
   * @throws IllegalArgumentException naming the unknown entry and the known ones
   */
  public static Set<Feature> parseList(String list) {
    Set<Feature> out = EnumSet.noneOf(Feature.class);
    if (list == null || list.isBlank()) {
      return out;
    }
    for (String part : list.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      out.add(
          Feature.fromWireName(part)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown feature '" + part.trim() + "'; known: " + known())));
    }
    return out;
  }

  /**
   * Returns the known feature names, for messages.
   *
   * @return e.g. {@code analytics, compliance}
   */
  public static String known() {
    return String.join(", ", Arrays.stream(Feature.values()).map(Feature::wireName).toList());
  }

  /**
   * Decides one feature for one org.
   *
   * @param orgId the org
   * @param feature the feature
   * @return the decision, or empty when the org does not exist
   */
  public Optional<FeatureState> state(String orgId, Feature feature) {
    return orgs.find(orgId).map(org -> decide(org, feature, overrides.find(orgId)));
  }

  /**
   * Decides one feature for one request, failing open for reads (seed 001): when the override store
   * cannot be read, a read request is served (source {@link Source#UNAVAILABLE}, enabled) and any
   * other request is refused (same source, not enabled); either way the failure is logged.
   *
   * @param orgId the org
   * @param feature the feature
   * @param read whether the request only reads (GET, HEAD)
   * @return the decision, or empty when the org does not exist
   */
  public Optional<FeatureState> check(String orgId, Feature feature, boolean read) {
    Optional<Org> org = orgs.find(orgId);
    if (org.isEmpty()) {
      return Optional.empty();
    }
    Map<Feature, Boolean> stored;
    try {
      stored = overrides.find(orgId);
    } catch (RuntimeException e) {
      boolean inPlan = Tiers.of(org.get().plan()).features().contains(feature);
      LOG.log(
          System.Logger.Level.WARNING,
          "feature overrides unreadable for org "
              + orgId
              + "; "
              + feature.wireName()
              + (read ? " served (fail open for reads)" : " refused (not a read)"),
          e);
      return Optional.of(new FeatureState(feature, read, Source.UNAVAILABLE, inPlan, null));
    }
    return Optional.of(decide(org.get(), feature, stored));
  }

  /**
   * Returns the cheapest plan whose tier includes a feature, for the 402 that names it.
   *
   * @param feature the feature
   * @return e.g. {@code TEAM} for compliance; empty when no paid plan has it
   */
  public static Optional<Plan> unlockedBy(Feature feature) {
    for (Plan p : List.of(Plan.FREE, Plan.PRO, Plan.TEAM, Plan.ENTERPRISE)) {
      if (Tiers.of(p).features().contains(feature)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether a feature is on; an unknown org has nothing on.
   *
   * @param orgId the org
   * @param feature the feature
   * @return whether requests for it are served
   */
  public boolean enabled(String orgId, Feature feature) {
    return state(orgId, feature).map(FeatureState::enabled).orElse(false);
  }

  /**
   * Decides every feature for one org, in declaration order.
   *
   * @param orgId the org
   * @return the decisions, or empty when the org does not exist
   */
  public Optional<List<FeatureState>> list(String orgId) {
    return orgs.find(orgId)
        .map(
            org -> {
              Map<Feature, Boolean> stored = overrides.find(orgId);
              List<FeatureState> out = new ArrayList<>();
              for (Feature f : Feature.values()) {
                out.add(decide(org, f, stored));
              }
              return out;
            });
  }

  /**
   * Stores an org's override: {@code true} on, {@code false} off, {@code null} back to the plan.
   *
   * @param orgId the org
   * @param feature the feature
   * @param enabled the override, or {@code null} to remove it
   * @return the decision after the change
   * @throws InvalidInputException when the org does not exist
   */
  public FeatureState override(String orgId, Feature feature, Boolean enabled) {
    if (orgs.find(orgId).isEmpty()) {
      throw new InvalidInputException("no org '" + orgId + "'");
    }
    if (enabled == null) {
      overrides.clear(orgId, feature);
    } else {
      overrides.set(orgId, feature, enabled, clock.now());
    }
    return state(orgId, feature).orElseThrow();
  }

  private FeatureState decide(Org org, Feature f, Map<Feature, Boolean> stored) {
    boolean inPlan = Tiers.of(org.plan()).features().contains(f);
    Boolean override = stored.get(f);
    if (disabled.contains(f)) {
      return new FeatureState(f, false, Source.OPERATOR, inPlan, override);
    }
    if (override != null) {
      return new FeatureState(f, override, Source.ORG_OVERRIDE, inPlan, override);
    }
    return new FeatureState(f, inPlan, Source.PLAN, inPlan, null);
  }
}
