package ai.agentlens.app.cloud;

import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.feature.FeatureAdmin;
import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import com.github.f4b6a3.ulid.UlidCreator;
import java.util.List;

/**
 * {@code AGENTLENS_ROLE=features}: the operator's per-org feature override on cloud, run like the
 * {@code migrate} role (a one-off process with the deployment's environment), with the command in
 * the arguments: {@code list --org ORG}, or {@code enable|disable|reset --org ORG FEATURE}. The
 * override is stored in the database, so every gateway applies it on its next request.
 */
final class CloudFeatures {

  /** How to call it, for the one-line error. */
  static final String USAGE =
      "usage: agentlens-cloud.jar features list --org ORG"
          + " | enable|disable|reset --org ORG FEATURE";

  private CloudFeatures() {}

  /**
   * Runs the command.
   *
   * @param config the deployment's settings
   * @param args the command line
   * @param disabled the deployment's {@code AGENTLENS_FEATURES_DISABLED}, or {@code null}
   * @return the lines to print
   * @throws IllegalArgumentException on bad arguments, an unknown org or feature
   * @throws CloudMain.StartupException when PostgreSQL cannot be reached
   */
  static List<String> run(CloudConfig config, List<String> args, String disabled) {
    String action = null;
    String org = null;
    String feature = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ("--org".equals(a) && i + 1 < args.size()) {
        org = args.get(++i);
      } else if (a.startsWith("--org=")) {
        org = a.substring(6);
      } else if (action == null) {
        action = a;
      } else if (feature == null) {
        feature = a;
      } else {
        throw new IllegalArgumentException("unexpected argument '" + a + "'; " + USAGE);
      }
    }
    if (action == null || org == null || (!"list".equals(action) && feature == null)) {
      throw new IllegalArgumentException(USAGE);
    }
    try (PostgresStorageProvider storage =
        PostgresStorageProvider.open(CloudBeans.postgresConfig(config, 1, Clock.system()))) {
      var stores = storage.stores();
      FeatureAdmin admin =
          new FeatureAdmin(
              new FeatureGate(
                  stores.orgs(),
                  stores.featureOverrides(),
                  FeatureGate.parseList(disabled),
                  Clock.system()),
              stores.audit(),
              Clock.system(),
              () -> UlidCreator.getMonotonicUlid().toString());
      return "list".equals(action) ? admin.list(org) : List.of(admin.change(action, org, feature));
    } catch (InvalidInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (StorageUnavailableException e) {
      throw new CloudMain.StartupException(e.getMessage());
    }
  }
}
