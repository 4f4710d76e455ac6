package ai.agentlens.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.feature.FeatureState.Source;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.storage.FeatureOverrideStore;
import ai.agentlens.core.port.storage.OrgStore;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureGateTest {

  private final Map<String, Org> orgs = new HashMap<>();
  private final Map<String, Map<Feature, Boolean>> stored = new HashMap<>();

  private final OrgStore orgStore =
      (OrgStore)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {OrgStore.class},
              (p, m, a) -> {
                if (m.getName().equals("find")) {
                  return Optional.ofNullable(orgs.get((String) a[0]));
                }
                throw new UnsupportedOperationException(m.getName());
              });

  private final FeatureOverrideStore overrides =
      new FeatureOverrideStore() {
        @Override
        public Map<Feature, Boolean> find(String orgId) {
          return Map.copyOf(stored.getOrDefault(orgId, Map.of()));
        }

        @Override
        public void set(String orgId, Feature feature, boolean enabled, Instant at) {
          stored.computeIfAbsent(orgId, k -> new EnumMap<>(Feature.class)).put(feature, enabled);
        }

        @Override
        public boolean clear(String orgId, Feature feature) {
          return stored.getOrDefault(orgId, new HashMap<>()).remove(feature) != null;
        }
      };

  private FeatureGate gate(Set<Feature> disabled) {
    return new FeatureGate(orgStore, overrides, disabled, () -> Instant.EPOCH);
  }

  private String org(Plan plan) {
    String id = "org-" + orgs.size();
    orgs.put(id, new Org(id, id, id, plan, OrgSettings.defaults(7), Instant.EPOCH));
    return id;
  }

  @Test
  void thePlanDecidesWithoutOverrides() {
    FeatureGate g = gate(Set.of());
    String free = org(Plan.FREE);
    String team = org(Plan.TEAM);
    assertThat(g.enabled(free, Feature.ANALYTICS)).isTrue();
    assertThat(g.enabled(free, Feature.COMPLIANCE)).isFalse();
    assertThat(g.enabled(team, Feature.COMPLIANCE)).isTrue();
    assertThat(g.state(free, Feature.COMPLIANCE).orElseThrow().source()).isEqualTo(Source.PLAN);
    assertThat(g.enabled("unknown", Feature.ANALYTICS)).isFalse();
    assertThat(g.state("unknown", Feature.ANALYTICS)).isEmpty();
  }

  @Test
  void anOverrideBeatsThePlanBothWaysAndResetReturnsToIt() {
    FeatureGate g = gate(Set.of());
    String free = org(Plan.FREE);
    FeatureState on = g.override(free, Feature.COMPLIANCE, true);
    assertThat(on.enabled()).isTrue();
    assertThat(on.source()).isEqualTo(Source.ORG_OVERRIDE);
    assertThat(on.inPlan()).isFalse();
    assertThat(g.override(free, Feature.ANALYTICS, false).enabled()).isFalse();
    assertThat(g.override(free, Feature.COMPLIANCE, null).enabled()).isFalse();
    assertThatThrownBy(() -> g.override("nope", Feature.ANALYTICS, true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no org 'nope'");
  }

  @Test
  void theOperatorsSwitchOffBeatsEverything() {
    FeatureGate g = gate(EnumSet.of(Feature.ANALYTICS));
    String ent = org(Plan.ENTERPRISE);
    g.override(ent, Feature.ANALYTICS, true);
    FeatureState s = g.state(ent, Feature.ANALYTICS).orElseThrow();
    assertThat(s.enabled()).isFalse();
    assertThat(s.source()).isEqualTo(Source.OPERATOR);
    assertThat(s.override()).isTrue();
    assertThat(g.enabled(ent, Feature.COMPLIANCE)).isTrue();
  }

  @Test
  void theOperatorsListIsParsedStrictly() {
    assertThat(FeatureGate.parseList(null)).isEmpty();
    assertThat(FeatureGate.parseList(" ")).isEmpty();
    assertThat(FeatureGate.parseList(" Compliance , analytics,"))
        .containsExactlyInAnyOrder(Feature.COMPLIANCE, Feature.ANALYTICS);
    assertThatThrownBy(() -> FeatureGate.parseList("analytics,billing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown feature 'billing'; known: analytics, compliance");
  }

  @Test
  void randomizedDecisionsFollowThePrecedenceRule() {
    Random random = new Random(16_3L);
    for (int i = 0; i < 500; i++) {
      Set<Feature> off = EnumSet.noneOf(Feature.class);
      for (Feature f : Feature.values()) {
        if (random.nextInt(4) == 0) {
          off.add(f);
        }
      }
      FeatureGate g = gate(off);
      Plan plan = Plan.values()[random.nextInt(Plan.values().length)];
      String id = org(plan);
      Feature f = Feature.values()[random.nextInt(Feature.values().length)];
      Boolean override =
          switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> true;
            default -> false;
          };
      g.override(id, f, override);
      boolean expected =
          !off.contains(f) && (override != null ? override : Tiers.of(plan).features().contains(f));
      assertThat(g.enabled(id, f)).as("%s %s %s %s", off, plan, f, override).isEqualTo(expected);
    }
  }
}
