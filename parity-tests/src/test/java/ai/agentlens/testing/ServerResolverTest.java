package ai.agentlens.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.testing.ServerResolver.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fallback order: explicit URL → localhost → Testcontainers → embedded; never a silent skip.
 */
class ServerResolverTest {

  private final List<String> tried = new ArrayList<>();

  private Candidate<String> absent(String name) {
    return new Candidate<>(
        name,
        () -> {
          tried.add(name);
          return Optional.empty();
        },
        false);
  }

  private Candidate<String> present(String name) {
    return new Candidate<>(
        name,
        () -> {
          tried.add(name);
          return Optional.of("server from " + name);
        },
        false);
  }

  private Candidate<String> broken(String name, boolean fatal) {
    return new Candidate<>(
        name,
        () -> {
          tried.add(name);
          throw new IllegalStateException(name + " refused");
        },
        fatal);
  }

  @Test
  void theFirstAvailableCandidateWinsAndLaterOnesAreNotTried() {
    var resolved =
        ServerResolver.resolve(
            "PostgreSQL", List.of(absent("env"), present("localhost"), present("embedded")));
    assertThat(resolved.server()).isEqualTo("server from localhost");
    assertThat(resolved.source()).isEqualTo("localhost");
    assertThat(resolved.passedOver()).containsExactly("env: not available");
    assertThat(tried).containsExactly("env", "localhost");
  }

  @Test
  void aBrokenOptionalCandidateFallsThroughToTheNext() {
    var resolved =
        ServerResolver.resolve(
            "Redis",
            List.of(
                absent("env"), broken("localhost", false), absent("docker"), present("embedded")));
    assertThat(resolved.source()).isEqualTo("embedded");
    assertThat(resolved.passedOver())
        .containsExactly(
            "env: not available",
            "localhost: java.lang.IllegalStateException: localhost refused",
            "docker: not available");
  }

  @Test
  void aBrokenExplicitUrlStopsTheSearchInsteadOfBeingPaperedOver() {
    assertThatThrownBy(
            () ->
                ServerResolver.resolve(
                    "PostgreSQL", List.of(broken("env", true), present("localhost"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("env refused");
    assertThat(tried).containsExactly("env");
  }

  @Test
  void noCandidateIsAnErrorListingEveryAttemptNeverASkip() {
    assertThatThrownBy(
            () -> ServerResolver.resolve("Redis", List.of(absent("a"), broken("b", false))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no test Redis could be had")
        .hasMessageContaining("a: not available")
        .hasMessageContaining("b refused");
  }

  @Test
  void postgresAndRedisUseTheDocumentedOrder() {
    assertThat(TestPostgres.candidates(Map.of()).stream().map(Candidate::name))
        .containsExactly(
            "AGENTLENS_TEST_DATABASE_URL", "localhost:5432", "Testcontainers", "embedded (zonky)");
    assertThat(TestPostgres.candidates(Map.of()).get(0).fatal()).isTrue();
    assertThat(TestRedis.candidates(Map.of()).stream().map(Candidate::name))
        .containsExactly(
            "AGENTLENS_TEST_REDIS_URL",
            "localhost:6379",
            "Testcontainers",
            "embedded (embedded-redis)");
    assertThat(TestRedis.candidates(Map.of()).get(0).fatal()).isTrue();
  }

  @Test
  void anUnsetExplicitUrlIsSimplyNotApplicable() throws Exception {
    assertThat(TestPostgres.candidates(Map.of()).get(0).attempt().get()).isEmpty();
    assertThat(TestRedis.candidates(Map.of()).get(0).attempt().get()).isEmpty();
  }

  @Test
  void anExplicitUrlThatDoesNotAnswerIsFatal() {
    var env = Map.of("AGENTLENS_TEST_REDIS_URL", "redis://127.0.0.1:1");
    assertThatThrownBy(() -> ServerResolver.resolve("Redis", TestRedis.candidates(env)))
        .hasMessageContaining("AGENTLENS_TEST_REDIS_URL");
  }
}
