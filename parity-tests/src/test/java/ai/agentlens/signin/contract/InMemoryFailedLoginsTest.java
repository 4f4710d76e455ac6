package ai.agentlens.signin.contract;

import ai.agentlens.core.port.FailedLogins;
import ai.agentlens.core.signin.InMemoryFailedLogins;

/**
 * The kit's {@link FailedLoginsContract} against core-domain's in-memory default, which
 * app-selfhosted wires. It runs here because core-domain cannot depend on the kit (the kit depends
 * on it).
 */
class InMemoryFailedLoginsTest extends FailedLoginsContract {

  private final InMemoryFailedLogins failedLogins = new InMemoryFailedLogins();

  @Override
  protected FailedLogins failedLogins() {
    return failedLogins;
  }

  @Override
  protected FailedLogins otherInstance() {
    return null;
  }
}
