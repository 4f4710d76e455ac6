package ai.agentlens.app.selfhosted;

import ai.agentlens.api.OAuthContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link OAuthContract} against app-selfhosted (SQLite, in-memory queue). */
class SelfhostedOAuthTest extends OAuthContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
