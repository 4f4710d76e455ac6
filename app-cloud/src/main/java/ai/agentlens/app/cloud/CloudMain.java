package ai.agentlens.app.cloud;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.port.Clock;
import ai.agentlens.storage.postgres.PostgresAppRole;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.web.tls.TlsSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar agentlens-cloud.jar}: the cloud launcher. Reads {@code AGENTLENS_*} variables,
 * checks that PostgreSQL and Redis answer, then starts the server. Any problem is reported as one
 * line on standard error, and the process exits with status 1.
 */
public final class CloudMain {

  /** The Micronaut environment that activates cloud beans and configuration. */
  static final String ENVIRONMENT = "cloud";

  private static final Duration STARTUP_CHECK_TIMEOUT = Duration.ofSeconds(5);

  private CloudMain() {}

  /**
   * Entry point.
   *
   * @param args empty to serve; {@code rollups rebuild|check ...} for the roll-up maintenance
   *     ({@link CloudRollupsCommand}); {@code features list|enable|disable|reset ...} (also as
   *     {@code AGENTLENS_ROLE=features} with the command's arguments); {@code billing
   *     enterprise|free --org ORG ...} for the operator's Enterprise switch ({@link
   *     CloudBillingCommand}); configuration comes from the environment
   */
  public static void main(String[] args) {
    try {
      CloudConfig config = CloudConfig.fromEnv(System.getenv());
      if (args.length > 0 && args[0].equals("rollups")) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(
            CloudRollupsCommand.run(
                config, java.util.Arrays.copyOfRange(args, 1, args.length), out, err));
      }
      if (args.length > 0 && args[0].equals("billing")) {
        System.out.println(CloudBillingCommand.run(config, List.of(args).subList(1, args.length)));
        return;
      }
      if (config.role().equals("migrate")) {
        System.out.println("AgentLens cloud schema is at version " + migrate(config));
        return;
      }
      // why: one command form for every operator tool (`rollups …`, `features …`), as on
      // self-hosted; AGENTLENS_ROLE=features stays for Job specs that set only the environment
      boolean featuresArg = args.length > 0 && args[0].equals("features");
      if (featuresArg || config.role().equals("features")) {
        List<String> rest = List.of(args).subList(featuresArg ? 1 : 0, args.length);
        CloudFeatures.run(config, rest, System.getenv("AGENTLENS_FEATURES_DISABLED"))
            .forEach(System.out::println);
        return;
      }
      start(config);
    } catch (StartupException | IllegalArgumentException e) {
      System.err.println("agentlens-cloud: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Checks the services and starts the server.
   *
   * @param config validated settings
   * @return the running context
   * @throws StartupException when PostgreSQL or Redis cannot be reached
   */
  public static ApplicationContext start(CloudConfig config) {
    return start(config, Map.of());
  }

  /**
   * Checks the services and starts the server with extra properties (tests: key prefixes, ports).
   *
   * @param config validated settings
   * @param extra additional Micronaut properties
   * @return the running context
   * @throws StartupException when PostgreSQL or Redis cannot be reached
   */
  public static ApplicationContext start(CloudConfig config, Map<String, Object> extra) {
    // why: a bad certificate or key is one line before any service is contacted
    Optional<TlsSettings> tls = TlsSettings.read(extra, System.getenv());
    Optional<String> problem =
        CloudServices.postgres(config, STARTUP_CHECK_TIMEOUT)
            .problem()
            .or(() -> CloudServices.redis(config, STARTUP_CHECK_TIMEOUT).problem());
    if (problem.isPresent()) {
      throw new StartupException(problem.get());
    }
    try {
      PostgresAppRole.ensure(config.database(), config.appUser(), config.appPassword());
    } catch (StorageUnavailableException e) {
      throw new StartupException(e.getMessage());
    }
    Map<String, Object> props = new HashMap<>(extra);
    props.put("micronaut.server.port", config.port());
    tls.ifPresent(t -> props.putAll(t.serverProperties(config.port())));
    // why: a SaaS is reached over HTTPS (usually through a proxy that may not say so), so its
    // cookies are Secure unless AGENTLENS_COOKIES_SECURE says otherwise
    props.putIfAbsent("agentlens.cookies.secure-default", "always");
    // why: a gateway-only process must not consume; workers scale separately (NFR-07)
    // why: cloud has billing routes (503 until Stripe is configured); self-hosted has none
    props.putIfAbsent("agentlens.billing.enabled", "true");
    props.putIfAbsent(
        "agentlens.worker.enabled", Boolean.toString(!config.role().equals("gateway")));
    ApplicationContext context =
        ApplicationContext.builder()
            .mainClass(CloudMain.class)
            .environments(ENVIRONMENT)
            .deduceEnvironment(false)
            .singletons(config)
            .properties(props)
            .run(EmbeddedServer.class)
            .getApplicationContext();
    System.out.printf(
        "AgentLens cloud is listening on port %d%s%n",
        config.port(), tls.isPresent() ? " (HTTPS)" : "");
    return context;
  }

  /**
   * {@code AGENTLENS_ROLE=migrate}: what a deployment runs once per release, as the schema owner,
   * before gateways and workers start (a Kubernetes Job, a compose service). Ensures the
   * application role, migrates, and releases every connection.
   *
   * @param config validated settings
   * @return the schema version after migrating
   * @throws StartupException when PostgreSQL cannot be reached or migrated
   */
  public static String migrate(CloudConfig config) {
    CloudServices.postgres(config, STARTUP_CHECK_TIMEOUT)
        .problem()
        .ifPresent(
            problem -> {
              throw new StartupException(problem);
            });
    try {
      PostgresAppRole.ensure(config.database(), config.appUser(), config.appPassword());
      try (PostgresStorageProvider storage =
          PostgresStorageProvider.open(CloudBeans.postgresConfig(config, 1, Clock.system()))) {
        return storage.schemaVersion();
      }
    } catch (StorageUnavailableException e) {
      throw new StartupException(e.getMessage());
    }
  }

  /** A required service is missing or unreachable at start-up. */
  public static final class StartupException extends RuntimeException {
    public StartupException(String message) {
      super(message);
    }
  }
}
