package ai.agentlens.app.selfhosted;

import ai.agentlens.api.TestStack;
import ai.agentlens.api.routes.RouteTenantMatrixContract;
import io.micronaut.web.router.Router;
import java.util.List;
import java.util.Map;

/** The test kit's {@link RouteTenantMatrixContract} against app-selfhosted's router. */
class SelfhostedRouteTenantMatrixTest extends RouteTenantMatrixContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return SelfhostedStack.start(extra);
  }

  @Override
  protected List<String> routes(TestStack stack) {
    return stack
        .bean(Router.class)
        .uriRoutes()
        .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate())
        .distinct()
        .toList();
  }

  @Override
  protected String launcher() {
    return "selfhosted";
  }
}
