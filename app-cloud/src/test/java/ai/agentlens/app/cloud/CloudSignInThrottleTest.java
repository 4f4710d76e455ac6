package ai.agentlens.app.cloud;

import ai.agentlens.api.SignInThrottleContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link SignInThrottleContract} against app-cloud. */
class CloudSignInThrottleTest extends SignInThrottleContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
