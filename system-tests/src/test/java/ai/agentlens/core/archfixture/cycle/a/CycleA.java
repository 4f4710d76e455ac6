package ai.agentlens.core.archfixture.cycle.a;

/** With {@code CycleB}, violates NO_PACKAGE_CYCLES. */
public class CycleA {
  ai.agentlens.core.archfixture.cycle.b.CycleB b;
}
