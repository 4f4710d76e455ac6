package ai.agentlens.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisConnectionCheckTest {

  @Test
  void acceptsRedisAndRedissUrls() {
    assertThat(RedisConnectionCheck.parse("redis://localhost:6379").getPort()).isEqualTo(6379);
    assertThat(RedisConnectionCheck.parse("rediss://:pw@cache:6380/2").getHost())
        .isEqualTo("cache");
  }

  @Test
  void refusesWhatIsNotARedisUrl() {
    assertThatThrownBy(() -> RedisConnectionCheck.parse("http://x"))
        .hasMessageContaining("redis://");
    assertThatThrownBy(() -> RedisConnectionCheck.parse("")).hasMessage("Redis URL is empty");
    assertThatThrownBy(() -> RedisConnectionCheck.parse("redis:///0"))
        .hasMessage("Redis URL has no host");
  }

  @Test
  void unreachableServerIsReportedWithoutCredentials() {
    var check =
        new RedisConnectionCheck(
            RedisConnectionCheck.parse("redis://:hunter2@127.0.0.1:1"), Duration.ofSeconds(1));
    assertThat(check.display()).isEqualTo("127.0.0.1:1");
    assertThat(check.problem())
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .startsWith("cannot reach Redis at 127.0.0.1:1")
                    .doesNotContain("hunter2"));
  }
}
