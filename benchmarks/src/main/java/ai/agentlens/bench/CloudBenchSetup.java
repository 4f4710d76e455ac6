package ai.agentlens.bench;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.hasher.bcrypt.BcryptSecretHasher;
import ai.agentlens.storage.postgres.PostgresStorageProvider;
import ai.agentlens.testing.TestPostgres;
import ai.agentlens.testing.TestStorage;
import ai.agentlens.testing.TestStorage.PostgresRoles;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Prepares an app-cloud load test: a fresh PostgreSQL database with its owner and application
 * roles, migrated, and {@code orgs} Enterprise orgs with one live key each. Prints shell {@code
 * export} lines for the launcher ({@code AGENTLENS_DATABASE_URL}, {@code
 * AGENTLENS_DATABASE_APP_USER}, {@code AGENTLENS_DATABASE_APP_PASSWORD}) and {@code BENCH_KEYS}
 * (comma-separated) for {@link LoadGenerator}.
 *
 * <p>why several orgs: an Enterprise org is rate-limited to 500,000 events/min (8,333/s), so a
 * single-org load cannot show the launcher's own ceiling.
 *
 * <pre>
 * eval "$(java -cp … ai.agentlens.bench.CloudBenchSetup [orgs=4] [plan=enterprise])"
 * # afterwards: psql -U postgres -c "drop database $BENCH_DB with (force)" and drop both roles
 * </pre>
 */
public final class CloudBenchSetup {

  /**
   * A prepared database: its roles and the orgs' keys, in org order.
   *
   * @param roles the database and its roles
   * @param keys one full key per org
   */
  record Prepared(PostgresRoles roles, List<String> keys) {

    /** Prints the {@code export} lines the launcher and the benchmarks read. */
    void printExports(PrintStream out) {
      var server = roles.database().server();
      out.printf(
          "export AGENTLENS_DATABASE_URL='postgres://%s:%s@%s:%d/%s'%n",
          roles.owner(), roles.password(), server.host(), server.port(), roles.database().name());
      out.printf("export AGENTLENS_DATABASE_APP_USER='%s'%n", roles.app());
      out.printf("export AGENTLENS_DATABASE_APP_PASSWORD='%s'%n", roles.password());
      out.printf("export BENCH_KEYS='%s'%n", String.join(",", keys));
      out.printf(
          "export BENCH_DB='%s' BENCH_ROLES='%s %s'%n",
          roles.database().name(), roles.owner(), roles.app());
      out.flush();
    }
  }

  private CloudBenchSetup() {}

  /**
   * Creates the database, orgs and keys.
   *
   * @param args number of orgs
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int orgs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    Plan plan =
        args.length > 1
            ? Plan.fromWireName(args[1])
                .orElseThrow(() -> new IllegalArgumentException("unknown plan " + args[1]))
            : Plan.ENTERPRISE;
    prepare(orgs, i -> "bench-" + i, Clock.system(), plan).printExports(System.out);
    // why: halt skips the test helpers' shutdown hooks, which would drop the database and roles the
    // launcher is about to use; drop them afterwards (docs/performance.md shows the psql lines)
    Runtime.getRuntime().halt(0);
  }

  /**
   * Creates a fresh migrated database with its roles and {@code orgs} Enterprise orgs, one live key
   * each (bcrypt cost 10, as the launchers hash). The test helpers drop the database at JVM exit;
   * callers that hand it to a launcher end with {@code Runtime.halt}.
   *
   * @param orgs how many orgs
   * @param orgId the id (and slug) of org number i
   * @param clock the clock
   * @return the roles and keys
   * @throws Exception on failure
   */
  static Prepared prepare(int orgs, IntFunction<String> orgId, Clock clock) throws Exception {
    return prepare(orgs, orgId, clock, Plan.ENTERPRISE);
  }

  /**
   * Like {@link #prepare(int, IntFunction, Clock)} with the orgs on a given plan (e.g. {@code team}
   * for the billing benchmark, whose quota checks only run on limited plans).
   *
   * @param orgs how many orgs
   * @param orgId the id (and slug) of org number i
   * @param clock the clock
   * @param plan the orgs' plan
   * @return the roles and keys
   * @throws Exception on failure
   */
  static Prepared prepare(int orgs, IntFunction<String> orgId, Clock clock, Plan plan)
      throws Exception {
    PostgresRoles roles = TestStorage.createRoles(TestPostgres.newDatabase("agentlens_bench_"));
    List<String> keys = new ArrayList<>();
    try (var p = PostgresStorageProvider.open(BenchPostgres.config(roles, clock))) {
      BcryptSecretHasher hasher = new BcryptSecretHasher(10);
      for (int i = 0; i < orgs; i++) {
        String org = orgId.apply(i);
        p.stores()
            .orgs()
            .create(
                new Org(
                    org,
                    org,
                    "Bench " + i,
                    plan,
                    OrgSettings.defaults(Tiers.of(plan).retentionDays()),
                    clock.now()));
        String key = ApiKeys.generate(KeyEnvironment.LIVE);
        p.stores()
            .apiKeys()
            .create(
                new ApiKey(
                    "key-" + i,
                    org,
                    ApiKeys.prefix(key),
                    hasher.hash(key),
                    KeyEnvironment.LIVE,
                    "bench",
                    List.of("ingest", "query"),
                    "bench",
                    clock.now(),
                    null,
                    null,
                    null));
        keys.add(key);
      }
    }
    return new Prepared(roles, keys);
  }
}
