package ai.agentlens.app.cloud;

import ai.agentlens.api.OtlpApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/**
 * The test kit's {@link OtlpApiContract} against app-cloud (PostgreSQL with RLS, Redis Streams).
 */
class CloudOtlpApiTest extends OtlpApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
