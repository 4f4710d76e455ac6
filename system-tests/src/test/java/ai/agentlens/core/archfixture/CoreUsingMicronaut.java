package ai.agentlens.core.archfixture;

/** Violates CORE_IS_PLAIN_JAVA: a domain class touching Micronaut. */
public class CoreUsingMicronaut {
  io.micronaut.context.ApplicationContext context;
}
