package ai.agentlens.web.health;

import java.time.Duration;
import java.util.Optional;

/**
 * One dependency the server needs before it can take traffic (PostgreSQL, Redis …). Launchers
 * register one bean per dependency; {@code GET /api/ready} runs them all.
 */
public interface ReadinessProbe {

  /**
   * Returns the dependency's name as shown in the readiness body, e.g. {@code postgres}.
   *
   * @return a short, stable name
   */
  String name();

  /**
   * Checks the dependency now. Must not throw and must not log secrets.
   *
   * @return empty when the dependency is usable; otherwise why not, in one line
   */
  Optional<String> problem();

  /**
   * Returns how long {@link #problem()} may take before the probe counts as failed.
   *
   * @return the timeout; 3 seconds unless overridden
   */
  default Duration timeout() {
    return Duration.ofSeconds(3);
  }
}
