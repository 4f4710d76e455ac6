package ai.agentlens.app.selfhosted;

import ai.agentlens.api.EmbeddingIndexingApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link EmbeddingIndexingApiContract} against app-selfhosted. */
class SelfhostedEmbeddingIndexingApiTest extends EmbeddingIndexingApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
