package ai.agentlens.web.dashboard.support;

/** A signed-in user without any org opened an org page: they are sent to create one. */
public final class NoOrgYet extends RuntimeException {

  /** Creates the signal. */
  public NoOrgYet() {
    super("No org yet", null, false, false);
  }
}
