package ai.agentlens.app.cloud;

import ai.agentlens.api.OrgLifecycleContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link OrgLifecycleContract} against app-cloud (PostgreSQL, Redis). */
class CloudOrgLifecycleTest extends OrgLifecycleContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
