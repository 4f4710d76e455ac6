package ai.agentlens.app.selfhosted;

import ai.agentlens.api.SignInThrottleContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link SignInThrottleContract} against app-selfhosted. */
class SelfhostedSignInThrottleTest extends SignInThrottleContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
