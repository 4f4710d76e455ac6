package ai.agentlens.app.selfhosted;

import ai.agentlens.core.model.Org;
import ai.agentlens.core.model.OrgSettings;
import ai.agentlens.core.model.Plan;
import ai.agentlens.core.policy.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.OrgStore;
import ai.agentlens.storage.sqlite.SqliteConfig;
import ai.agentlens.storage.sqlite.SqliteStorageProvider;
import java.nio.file.Path;

/**
 * The self-hosted database for CLI commands, opened without the HTTP server (safe while the server
 * runs: SQLite locks the file between processes). Orgs created from the CLI use their slug as their
 * id, so {@code --org SLUG} finds them directly.
 */
final class CliStorage {

  private CliStorage() {}

  static SqliteStorageProvider open(Path dataDir) {
    return SqliteStorageProvider.open(
        new SqliteConfig(dataDir.resolve(SelfhostedBeans.DATABASE_FILE), 1, Clock.system()));
  }

  /** Returns the org with id {@code slug}, creating it (self-hosted plan) when missing. */
  static Org orgOrCreate(OrgStore orgs, String slug) {
    return orgs.find(slug)
        .orElseGet(
            () -> {
              Org org =
                  new Org(
                      slug,
                      slug,
                      slug,
                      Plan.SELF_HOSTED,
                      OrgSettings.defaults(Tiers.of(Plan.SELF_HOSTED).retentionDays()),
                      Clock.system().now());
              orgs.create(org);
              return org;
            });
  }
}
