package ai.agentlens.core.account.model;

/** Who performed an audited action (PC-15). */
public enum ActorType {
  /** A signed-in user; the actor id is the user id. */
  USER,
  /** An API key; the actor id is the key's visible prefix, never the key. */
  API_KEY,
  /** The server itself (jobs, account deletion). */
  SYSTEM
}
