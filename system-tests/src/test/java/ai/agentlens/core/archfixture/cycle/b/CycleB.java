package ai.agentlens.core.archfixture.cycle.b;

/** With {@code CycleA}, violates NO_PACKAGE_CYCLES. */
public class CycleB {
  ai.agentlens.core.archfixture.cycle.a.CycleA a;
}
