package ai.agentlens.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void libpqFormBecomesJdbcWithSeparateCredentials() {
    PostgresUrl url =
        PostgresUrl.parse(
            "postgres://al%40app:s3cr%3At@db.internal:6543/agentlens?sslmode=require");
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/agentlens?sslmode=require");
    assertThat(url.user()).isEqualTo("al@app");
    assertThat(url.password()).isEqualTo("s3cr:t");
    assertThat(url.display()).isEqualTo("db.internal:6543/agentlens");
  }

  @Test
  void defaultPortIs5432() {
    assertThat(PostgresUrl.parse("postgresql://h/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h:5432/db");
  }

  @Test
  void jdbcFormIsKeptAsIs() {
    PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://localhost:5432/x?user=u&password=p");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/x?user=u&password=p");
    assertThat(url.display()).isEqualTo("localhost:5432/x");
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(PostgresUrl.parse("postgres://u:topsecret@h:5432/db").toString())
        .doesNotContain("topsecret")
        .isEqualTo("postgresql://h:5432/db");
  }

  @Test
  void refusesOtherSchemesAndEmptyValues() {
    assertThatThrownBy(() -> PostgresUrl.parse("mysql://h/db"))
        .hasMessageContaining("must start with postgres://");
    assertThatThrownBy(() -> PostgresUrl.parse(" ")).hasMessage("database URL is empty");
    assertThatThrownBy(() -> PostgresUrl.parse("postgres:///db"))
        .hasMessage("database URL has no host");
  }

  @Test
  void unreachableServerIsReportedInOneLineWithoutSecrets() {
    PostgresUrl url = PostgresUrl.parse("postgres://u:topsecret@127.0.0.1:1/db");
    var problem = new PostgresConnectionCheck(url, java.time.Duration.ofSeconds(1)).problem();
    assertThat(problem).isPresent();
    assertThat(problem.get())
        .startsWith("cannot reach PostgreSQL at 127.0.0.1:1/db")
        .doesNotContain("topsecret")
        .doesNotContain("\n");
  }
}
