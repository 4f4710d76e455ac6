package ai.agentlens.core.account.model;

/** The environment an API key belongs to, visible in its prefix (FR-14). */
public enum KeyEnvironment {
  /** {@code al_live_…} keys. */
  LIVE,
  /** {@code al_test_…} keys. */
  TEST
}
