package ai.agentlens.app.selfhosted;

import ai.agentlens.core.model.Org;
import ai.agentlens.core.model.OrgSettings;
import ai.agentlens.core.model.Plan;
import ai.agentlens.core.policy.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.ConflictException;
import ai.agentlens.core.port.storage.OrgStore;
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

  DefaultOrg(OrgStore orgs, Clock clock) {
    if (orgs.find(ID).isEmpty()) {
      try {
        orgs.create(
            new Org(
                ID,
                ID,
                "Default",
                Plan.SELF_HOSTED,
                OrgSettings.defaults(Tiers.of(Plan.SELF_HOSTED).retentionDays()),
                clock.now()));
      } catch (ConflictException e) {
        // why: another process created it between our read and our write; it exists, as wanted
      }
    }
  }
}
