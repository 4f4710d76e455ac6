package ai.agentlens.core.retention;

/**
 * What one purge run did.
 *
 * @param orgs orgs whose window was applied
 * @param events events deleted
 * @param derived sessions, agents, roll-up and usage rows deleted
 * @param partitions event partitions dropped (PostgreSQL)
 * @param pagesFreed database pages given back (SQLite)
 * @param auditEntries audit entries past their plan's audit retention deleted
 */
public record PurgeReport(
    int orgs, long events, long derived, int partitions, long pagesFreed, long auditEntries) {}
