package ai.agentlens.app.selfhosted;

import ai.agentlens.api.ExportImportApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ExportImportApiContract} against app-selfhosted. */
class SelfhostedExportImportApiTest extends ExportImportApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }
}
