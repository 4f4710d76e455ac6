package ai.agentlens.core.archfixture;

/** Violates CORE_SEES_ONLY_ITSELF: the domain reaching out to web. */
public class CoreUsingWeb {
  ai.agentlens.web.health.ReadinessProbe probe;
}
