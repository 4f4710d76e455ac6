package ai.agentlens.app.cloud;

import ai.agentlens.api.OAuthContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link OAuthContract} against app-cloud (PostgreSQL, Redis). */
class CloudOAuthTest extends OAuthContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
