package ai.agentlens.app.cloud;

import ai.agentlens.api.TestStack;
import ai.agentlens.api.fuzz.FuzzApiContract;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * The test kit's {@link FuzzApiContract} against app-cloud (PostgreSQL, Redis Streams), with fewer
 * tries than self-hosted (1,800 bodies a run): the same generators, a shorter run.
 */
class CloudFuzzApiTest extends FuzzApiContract {
  @Override
  protected TestStack start(Map<String, Object> extra) {
    return CloudStack.start(extra);
  }

  @Override
  @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED)
  public void apiEventsNeverFailsTheServer(@ForAll("ingestBodies") byte[] body) {
    super.apiEventsNeverFailsTheServer(body);
  }

  @Override
  @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
  public void batchNeverFailsTheServer(@ForAll("ingestBodies") byte[] body) {
    super.batchNeverFailsTheServer(body);
  }

  @Override
  @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
  public void managementNeverFailsTheServer(
      @ForAll("managementRoutes") String route, @ForAll("managementBodies") byte[] body) {
    super.managementNeverFailsTheServer(route, body);
  }

  @Override
  @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
  public void otlpJsonNeverFailsTheServer(@ForAll("otlpJsonBodies") byte[] body) {
    super.otlpJsonNeverFailsTheServer(body);
  }

  @Override
  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  public void otlpProtobufNeverFailsTheServer(@ForAll("otlpProtobufBodies") byte[] body) {
    super.otlpProtobufNeverFailsTheServer(body);
  }
}
