package ai.agentlens.core.account.policy;

/** The actions of the PRD §8 permission matrix (FR-48), plus reading the audit log (PC-17). */
public enum Permission {
  /** View dashboard data. */
  VIEW_DATA,
  /** Create and configure sessions, benchmarks. */
  WRITE_DATA,
  /** Create, view and revoke API keys (FR-20). */
  MANAGE_KEYS,
  /** Invite, change roles, remove members. */
  MANAGE_MEMBERS,
  /** Manage billing. */
  MANAGE_BILLING,
  /** Change org settings. */
  MANAGE_SETTINGS,
  /** Delete the org. */
  DELETE_ORG,
  /** Transfer ownership to an Admin. */
  TRANSFER_OWNERSHIP,
  /** Read and export the audit log (PC-17: Owner and Admin). */
  READ_AUDIT
}
