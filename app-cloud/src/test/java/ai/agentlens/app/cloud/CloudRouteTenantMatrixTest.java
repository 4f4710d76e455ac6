package ai.agentlens.app.cloud;

import ai.agentlens.api.FakeStripe;
import ai.agentlens.api.TestStack;
import ai.agentlens.api.routes.RouteTenantMatrixContract;
import io.micronaut.web.router.Router;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * The test kit's {@link RouteTenantMatrixContract} against app-cloud's router, with billing on
 * (Stripe on {@link FakeStripe}) so the billing routes answer as in production.
 */
class CloudRouteTenantMatrixTest extends RouteTenantMatrixContract {

  private final FakeStripe stripe = new FakeStripe();

  @Override
  protected TestStack start(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(extra);
    props.putAll(stripe.properties());
    return CloudStack.start(props);
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
    return "cloud";
  }

  @AfterAll
  void stopStripe() {
    stripe.close();
  }
}
