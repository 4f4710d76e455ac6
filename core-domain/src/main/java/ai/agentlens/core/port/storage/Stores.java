package ai.agentlens.core.port.storage;

import ai.agentlens.core.port.cost.CostAnalytics;
import ai.agentlens.core.port.cost.CostBudgetStore;

/**
 * Every storage port of one opened backend.
 *
 * @param orgs organizations
 * @param users users and credentials
 * @param memberships org memberships
 * @param invitations invitations
 * @param apiKeys API keys
 * @param events the event log
 * @param sessions materialized sessions
 * @param agents materialized agents
 * @param usage usage records
 * @param audit the audit log
 * @param loginSessions dashboard sessions
 * @param userTokens mailed single-use tokens
 * @param rollups pre-aggregated analytics, written with the events
 * @param featureOverrides per-org feature overrides
 * @param costAnalytics cost reads for the optimizer and budgets
 * @param costBudgets cost budgets and their breaches
 * @param guardrails guardrail rules, state and trigger history
 * @param agentControls guardrail-set agent pause and model override
 * @param benchmarks A/B benchmarks and their cached results
 * @param billing billing state, processed webhooks and reported overage (cloud)
 * @param overageCaps the Owners' overage caps
 * @param quotaWarnings the periods whose quota warning was sent
 */
public record Stores(
    OrgStore orgs,
    UserStore users,
    MembershipStore memberships,
    InvitationStore invitations,
    ApiKeyStore apiKeys,
    EventStore events,
    SessionStore sessions,
    AgentStore agents,
    UsageLedger usage,
    AuditLog audit,
    LoginSessionStore loginSessions,
    UserTokenStore userTokens,
    AnalyticsRollups rollups,
    FeatureOverrideStore featureOverrides,
    CostAnalytics costAnalytics,
    CostBudgetStore costBudgets,
    GuardrailStore guardrails,
    AgentControlStore agentControls,
    ai.agentlens.core.port.benchmark.BenchmarkStore benchmarks,
    ai.agentlens.core.port.billing.BillingStateStore billing,
    ai.agentlens.core.port.quota.OverageCapStore overageCaps,
    ai.agentlens.core.port.quota.QuotaWarningLog quotaWarnings) {}
