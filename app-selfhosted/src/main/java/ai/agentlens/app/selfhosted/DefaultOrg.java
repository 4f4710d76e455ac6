package ai.agentlens.app.selfhosted;

import ai.agentlens.core.org.Provisioning;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.Stores;
import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * On every start, makes sure the self-hosted org {@code default} exists (first start creates it).
 */
@Context
@Requires(env = ServeCommand.ENVIRONMENT)
class DefaultOrg {

  /** Id and slug of the org a fresh self-hosted install starts with. */
  static final String ID = "default";

  DefaultOrg(Stores stores, SecretHasher hasher, Clock clock) {
    new Provisioning(stores, hasher, clock, () -> UlidCreator.getMonotonicUlid().toString())
        .ensureOrg(ID);
  }
}
