package ai.agentlens.core.archfixture;

/** Violates CORE_IS_PLAIN_JAVA: a domain class using Jackson's object mapper. */
public class CoreUsingDatabind {
  com.fasterxml.jackson.databind.ObjectMapper mapper;
}
