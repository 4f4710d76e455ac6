package ai.agentlens.web.archfixture;

import ai.agentlens.core.port.Clock;
import java.time.Instant;

/** Breaks NO_PORT_IMPLEMENTATIONS_IN_WEB_OR_APPS: an adapter written in web. */
public class WebImplementingAPort implements Clock {
  @Override
  public Instant now() {
    return Instant.EPOCH;
  }
}
