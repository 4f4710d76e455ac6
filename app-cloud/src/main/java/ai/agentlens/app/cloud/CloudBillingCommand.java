package ai.agentlens.app.cloud;

import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.billing.BillingCache;
import ai.agentlens.core.billing.BillingOperator;
import ai.agentlens.core.error.NotFoundException;
import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import com.github.f4b6a3.ulid.UlidCreator;
import java.util.List;

/**
 * {@code java -jar agentlens-cloud.jar billing enterprise --org ORG [--retention-days D]
 * [--operator NAME]} (or {@code billing free --org ORG}): the operator's Enterprise switch
 * ("contact us", no checkout), run like {@code features} as a one-off process with the deployment's
 * environment. The plan is stored in the database, so every gateway applies it within the org
 * cache's 5 s; the change is in the org's audit log with the operator as actor.
 */
final class CloudBillingCommand {

  /** How to call it, for the one-line error. */
  static final String USAGE =
      "usage: agentlens-cloud.jar billing enterprise --org ORG [--retention-days DAYS]"
          + " [--operator NAME] | free --org ORG [--operator NAME]";

  private CloudBillingCommand() {}

  /**
   * Runs the command.
   *
   * @param config the deployment's settings
   * @param args the command line after {@code billing}
   * @return the line to print
   * @throws IllegalArgumentException on bad arguments or an unknown org
   * @throws CloudMain.StartupException when PostgreSQL cannot be reached
   */
  static String run(CloudConfig config, List<String> args) {
    String action = null;
    String org = null;
    Integer retention = null;
    String operator = "operator";
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String value = i + 1 < args.size() ? args.get(i + 1) : null;
      switch (a) {
        case "--org" -> org = required(a, value);
        case "--operator" -> operator = required(a, value);
        case "--retention-days" -> retention = days(required(a, value));
        default -> {
          if (action != null || a.startsWith("--")) {
            throw new IllegalArgumentException("unexpected argument '" + a + "'; " + USAGE);
          }
          action = a;
          continue;
        }
      }
      i++;
    }
    if (org == null || !("enterprise".equals(action) || "free".equals(action))) {
      throw new IllegalArgumentException(USAGE);
    }
    try (PostgresStorageProvider storage =
        PostgresStorageProvider.open(CloudBeans.postgresConfig(config, 1, Clock.system()))) {
      var stores = storage.stores();
      AccountPorts ports =
          new AccountPorts(
              stores,
              null,
              null,
              Clock.system(),
              () -> UlidCreator.getMonotonicUlid().toString(),
              null,
              null,
              null,
              null);
      Org after =
          new BillingOperator(
                  ports,
                  new AuditTrail(ports),
                  new BillingCache(stores.billing(), System::nanoTime))
              .setEnterprise(org, "enterprise".equals(action), retention, operator);
      return "org "
          + after.id()
          + ": plan "
          + after.plan().wireName()
          + ", retention "
          + after.settings().retentionDays()
          + " days";
    } catch (NotFoundException e) {
      throw new IllegalArgumentException("no org '" + org + "'", e);
    } catch (StorageUnavailableException e) {
      throw new CloudMain.StartupException(e.getMessage());
    }
  }

  private static String required(String option, String value) {
    if (value == null || value.isBlank() || value.startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value; " + USAGE);
    }
    return value;
  }

  private static int days(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--retention-days: not a number '" + value + "'", e);
    }
  }
}
