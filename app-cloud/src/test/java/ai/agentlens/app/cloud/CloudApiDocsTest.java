package ai.agentlens.app.cloud;

import ai.agentlens.api.ApiDocsContract;
import ai.agentlens.api.TestStack;
import io.micronaut.web.router.Router;
import java.util.List;
import java.util.Map;

/** The test kit's {@link ApiDocsContract} against app-cloud. */
class CloudApiDocsTest extends ApiDocsContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  protected List<String> routes() {
    return stack
        .bean(Router.class)
        .uriRoutes()
        .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
        .toList();
  }

  @Override
  protected String launcher() {
    return "cloud";
  }
}
