package ai.agentlens.app.selfhosted;

import ai.agentlens.api.OrgLifecycleContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link OrgLifecycleContract} against app-selfhosted (SQLite, in-memory queue). */
class SelfhostedOrgLifecycleTest extends OrgLifecycleContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
