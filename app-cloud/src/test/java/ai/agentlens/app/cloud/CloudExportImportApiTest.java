package ai.agentlens.app.cloud;

import ai.agentlens.api.ExportImportApiContract;
import ai.agentlens.api.TestStack;
import java.util.Map;

/** The test kit's {@link ExportImportApiContract} against app-cloud. */
class CloudExportImportApiTest extends ExportImportApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }
}
