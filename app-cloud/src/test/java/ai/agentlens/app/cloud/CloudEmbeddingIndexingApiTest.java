package ai.agentlens.app.cloud;

import ai.agentlens.api.EmbeddingIndexingApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link EmbeddingIndexingApiContract} against app-cloud. */
class CloudEmbeddingIndexingApiTest extends EmbeddingIndexingApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
