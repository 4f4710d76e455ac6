package ai.agentlens.core.account.model;

/** Outcome of an audited action (PC-15). */
public enum AuditResult {
  SUCCESS,
  FAILURE
}
