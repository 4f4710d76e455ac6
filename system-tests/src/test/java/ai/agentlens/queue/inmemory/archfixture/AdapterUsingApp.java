package ai.agentlens.queue.inmemory.archfixture;

/** Violates NOTHING_DEPENDS_ON_APPS. */
public class AdapterUsingApp {
  ai.agentlens.app.selfhosted.SelfhostedConfig config;
}
