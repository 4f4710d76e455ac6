package ai.agentlens.core.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.ratelimit.InMemoryRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-03T07:00:00Z"));
  private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(now::get);

  @Test
  void anAddressGetsItsMinuteOfAttemptsThenWaitsWithARetryAfter() {
    SignInThrottle throttle = new SignInThrottle(limiter, 6);
    for (int i = 0; i < 6; i++) {
      throttle.attempt("203.0.113.9");
    }
    assertThatThrownBy(() -> throttle.attempt("203.0.113.9"))
        .isInstanceOfSatisfying(
            AccountException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AccountException.Kind.LOCKED);
              assertThat(e.retryAfterSeconds()).isEqualTo(10);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Too many sign-in attempts from your network address; try again in 10"
                          + " seconds");
            });
    throttle.attempt("203.0.113.10");
    now.set(now.get().plus(Duration.ofSeconds(10)));
    throttle.attempt("203.0.113.9");
  }

  @Test
  void anUnknownAddressSharesOneBucketAndZeroTurnsTheThrottleOff() {
    SignInThrottle one = new SignInThrottle(limiter, 1);
    one.attempt(null);
    assertThatThrownBy(() -> one.attempt(null)).isInstanceOf(AccountException.class);
    SignInThrottle off = new SignInThrottle(limiter, 0);
    for (int i = 0; i < 1000; i++) {
      off.attempt("198.51.100.1");
    }
    assertThat(limiter.buckets()).isEqualTo(1);
    assertThatThrownBy(() -> new SignInThrottle(limiter, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
