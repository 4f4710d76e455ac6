package ai.agentlens.core.archfixture;

/** Violates CORE_IS_PLAIN_JAVA: a domain type carrying a Jackson annotation. */
public class CoreUsingJacksonAnnotations {
  @com.fasterxml.jackson.annotation.JsonProperty("n")
  String name;
}
