package ai.agentlens.core.archfixture;

/** Allowed by CORE_IS_PLAIN_JAVA: core-domain reads JSON with jackson-core's streaming parser. */
public class CoreUsingJacksonCore {
  com.fasterxml.jackson.core.JsonParser parser;
}
