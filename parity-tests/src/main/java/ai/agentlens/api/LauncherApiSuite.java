package ai.agentlens.api;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the API contract suites that drive one running launcher per test class: starts it before
 * the first test, with a {@link Tenants} factory and an {@link Api} client on it, and closes it
 * after the last. Each launcher module runs a suite through a tiny subclass that implements {@link
 * #start}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LauncherApiSuite {

  /** The launcher under test, started once for the class. */
  protected TestStack stack;

  /** Creates orgs and keys on {@link #stack}. */
  protected Tenants tenants;

  /** HTTP client on {@link #stack}. */
  protected Api api;

  /**
   * Starts the launcher under test in this JVM, on fresh storage of its own.
   *
   * @param extra Micronaut properties on top of the launcher's defaults
   * @return the running launcher; the suite closes it
   */
  protected abstract TestStack start(Map<String, Object> extra);

  @BeforeAll
  void startStack() {
    stack = start(Map.of());
    tenants = new Tenants(stack);
    api = new Api(stack.url());
  }

  @AfterAll
  void stopStack() {
    stack.close();
  }
}
