package ai.agentlens.bench;

import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.apikey.ApiKeyAuthenticator;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.hasher.bcrypt.BcryptSecretHasher;
import ai.agentlens.storage.spi.StorageProvider;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * API key validation latency (issue 5, NFR-05): {@link ApiKeyAuthenticator} with the real bcrypt
 * hasher (cost 10, as the launchers use) over a real key store.
 *
 * <p>Cold: the first check of each of {@code keys} distinct keys (prefix lookup in the store plus
 * bcrypt verification). Warm: {@code warm} checks of keys already verified (SHA-256 of the key plus
 * one map lookup), timed one by one.
 *
 * <pre>
 * java -cp … ai.agentlens.bench.KeyCheckBenchmark [sqlite|postgres] [keys=50] [warm=200000]
 * </pre>
 */
public final class KeyCheckBenchmark {

  private KeyCheckBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args backend, number of keys, warm checks
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String backend = args.length > 0 ? args[0] : "sqlite";
    int keyCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
    Clock clock = Clock.system();
    StorageProvider p;
    if (backend.equals("postgres")) {
      var db = ai.agentlens.testing.TestPostgres.newDatabase();
      p =
          ai.agentlens.storage.postgres.PostgresStorageProvider.open(
              BenchPostgres.config(ai.agentlens.testing.TestStorage.createRoles(db), clock));
    } else {
      var dir = Files.createTempDirectory("agentlens-keybench-");
      p =
          ai.agentlens.storage.sqlite.SqliteStorageProvider.open(
              new ai.agentlens.storage.sqlite.SqliteConfig(dir.resolve("a.db"), 4, clock));
    }
    try (p) {
      p.stores()
          .orgs()
          .create(
              new Org(
                  "bench",
                  "bench",
                  "Bench",
                  Plan.SELF_HOSTED,
                  OrgSettings.defaults(Tiers.of(Plan.SELF_HOSTED).retentionDays()),
                  clock.now()));
      BcryptSecretHasher hasher = new BcryptSecretHasher(10);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < keyCount; i++) {
        String key = ApiKeys.generate(KeyEnvironment.LIVE);
        p.stores()
            .apiKeys()
            .create(
                new ApiKey(
                    "k" + i,
                    "bench",
                    ApiKeys.prefix(key),
                    hasher.hash(key),
                    KeyEnvironment.LIVE,
                    "bench",
                    List.of("ingest"),
                    "bench",
                    clock.now(),
                    null,
                    null,
                    null));
        keys.add(key);
      }
      ApiKeyAuthenticator auth =
          new ApiKeyAuthenticator(p.stores().apiKeys(), hasher, System::nanoTime);
      // why: warm the JIT on bcrypt and the store with a throwaway authenticator first
      ApiKeyAuthenticator warmup =
          new ApiKeyAuthenticator(p.stores().apiKeys(), hasher, System::nanoTime);
      for (int i = 0; i < Math.min(5, keys.size()); i++) {
        warmup.authenticate(keys.get(i));
      }
      long[] cold = new long[keys.size()];
      for (int i = 0; i < keys.size(); i++) {
        long t = System.nanoTime();
        if (auth.authenticate(keys.get(i)).isEmpty()) {
          throw new IllegalStateException("key " + i + " was refused");
        }
        cold[i] = System.nanoTime() - t;
      }
      long[] hot = new long[warm];
      for (int i = 0; i < warm; i++) {
        String k = keys.get(i % keys.size());
        long t = System.nanoTime();
        auth.authenticate(k);
        hot[i] = System.nanoTime() - t;
      }
      // why: the first half warms the JIT; report the second half
      long[] steady = Arrays.copyOfRange(hot, warm / 2, warm);
      Arrays.sort(cold);
      Arrays.sort(steady);
      System.out.printf(
          "backend=%s keys=%d bcrypt cost 10%n"
              + "cold check (store lookup + bcrypt): p50 %.2f ms  p95 %.2f ms  max %.2f ms%n"
              + "warm check (cached, %d timed): p50 %.4f ms  p95 %.4f ms  p99 %.4f ms%n",
          backend,
          keyCount,
          pct(cold, 50),
          pct(cold, 95),
          cold[cold.length - 1] / 1e6,
          steady.length,
          pct(steady, 50),
          pct(steady, 95),
          pct(steady, 99));
    }
    System.exit(0);
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
