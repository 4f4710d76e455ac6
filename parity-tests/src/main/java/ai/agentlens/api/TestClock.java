package ai.agentlens.api;

import ai.agentlens.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The launchers' {@link Clock} in API tests that set {@code agentlens.test.clock=mutable}: the wall
 * clock plus an offset tests can move forward (expiry and lockout windows without sleeping). The
 * offset is shared by every stack of this JVM, so two instances of one deployment agree on time.
 * Each launcher module registers it as its clock bean in its own {@code src/test} (the kit knows no
 * framework).
 */
public class TestClock implements Clock {

  private static final AtomicLong OFFSET_MICROS = new AtomicLong();

  /**
   * Moves every mutable test clock forward.
   *
   * @param d how far
   */
  public static void advance(Duration d) {
    OFFSET_MICROS.addAndGet(d.toNanos() / 1000);
  }

  /**
   * Returns the current test time.
   *
   * @return wall clock plus the offset
   */
  public static Instant current() {
    return Instant.now().plusNanos(OFFSET_MICROS.get() * 1000);
  }

  @Override
  public Instant now() {
    return current();
  }
}
