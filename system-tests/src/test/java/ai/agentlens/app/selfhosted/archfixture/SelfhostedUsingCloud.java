package ai.agentlens.app.selfhosted.archfixture;

/** Violates APPS_NEVER_SEE_EACH_OTHER. */
public class SelfhostedUsingCloud {
  ai.agentlens.app.cloud.CloudConfig config;
}
