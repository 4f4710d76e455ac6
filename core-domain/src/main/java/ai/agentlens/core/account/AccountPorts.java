package ai.agentlens.core.account;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.FailedLogins;
import ai.agentlens.core.port.KeyRevocations;
import ai.agentlens.core.port.Mailer;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.Stores;
import java.util.function.Supplier;

/**
 * Everything the account use cases need, in one value so their constructors stay short.
 *
 * @param stores the storage ports
 * @param hasher bcrypt, for passwords and API keys
 * @param mailer outgoing mail
 * @param clock the time source
 * @param ids new unique ids (ULIDs)
 * @param failedLogins lockout counters
 * @param revocations key revocation broadcast
 * @param orgDirectory the hot-path org cache, invalidated after settings changes
 * @param settings base URL and the plan of new orgs
 */
public record AccountPorts(
    Stores stores,
    SecretHasher hasher,
    Mailer mailer,
    Clock clock,
    Supplier<String> ids,
    FailedLogins failedLogins,
    KeyRevocations revocations,
    OrgDirectory orgDirectory,
    AccountSettings settings) {}
