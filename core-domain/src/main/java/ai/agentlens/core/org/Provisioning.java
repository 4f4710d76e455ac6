package ai.agentlens.core.org;

import ai.agentlens.core.account.Emails;
import ai.agentlens.core.account.model.AccountException;
import ai.agentlens.core.account.model.ApiKey;
import ai.agentlens.core.account.model.KeyEnvironment;
import ai.agentlens.core.account.model.Membership;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.model.Role;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.account.policy.ApiKeys;
import ai.agentlens.core.account.policy.PasswordPolicy;
import ai.agentlens.core.error.ConflictException;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.SecretHasher;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.signin.Registration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the operator of a self-hosted server does from the command line or at first start, without a
 * signed-in caller: make sure an org exists, create a verified owner, create an API key. Orgs made
 * here use their slug as their id and the self-hosted plan.
 */
public final class Provisioning {

  /** Scopes of a key created by the operator. */
  public static final List<String> OPERATOR_KEY_SCOPES = List.of("ingest", "query");

  private final Stores stores;
  private final SecretHasher hasher;
  private final Clock clock;
  private final Supplier<String> ids;

  /**
   * Creates the use case.
   *
   * @param stores the stores
   * @param hasher hashes passwords and key secrets
   * @param clock the time source
   * @param ids mints user and key ids
   */
  public Provisioning(Stores stores, SecretHasher hasher, Clock clock, Supplier<String> ids) {
    this.stores = stores;
    this.hasher = hasher;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Returns the org with id {@code slug}, creating it on the self-hosted plan when missing. Safe
   * when another process creates it at the same moment.
   *
   * @param slug the org's slug, also its id
   * @return the org
   */
  public Org ensureOrg(String slug) {
    var existing = stores.orgs().find(slug);
    if (existing.isPresent()) {
      return existing.get();
    }
    Org org =
        new Org(
            slug,
            slug,
            slug.equals("default") ? "Default" : slug,
            Plan.SELF_HOSTED,
            OrgSettings.defaults(Tiers.of(Plan.SELF_HOSTED).retentionDays()),
            clock.now());
    try {
      stores.orgs().create(org);
      return org;
    } catch (ConflictException e) {
      // why: another process created it between our read and our write; it exists, as wanted
      return stores.orgs().find(slug).orElseThrow(() -> e);
    }
  }

  /**
   * Creates a verified user who owns the org {@code orgSlug} (created when missing).
   *
   * @param email the address
   * @param password the password, checked against the password policy
   * @param displayName shown name, or {@code null} for the part of the address before {@code @}
   * @param orgSlug the org
   * @return the user
   * @throws AccountException (invalid) for a bad address, password or name; (conflict) when the
   *     address is taken
   */
  public User createOwner(String email, String password, String displayName, String orgSlug) {
    String address = Emails.normalize(email);
    PasswordPolicy.problem(password)
        .ifPresent(
            p -> {
              throw AccountException.invalid("password " + p);
            });
    String name = Registration.displayName(displayName, address);
    Org org = ensureOrg(orgSlug);
    if (stores.users().findByEmail(address).isPresent()) {
      throw AccountException.conflict("a user with e-mail " + address + " already exists");
    }
    var now = clock.now();
    User user = new User(ids.get(), address, name, null, hasher.hash(password), true, now);
    stores.users().create(user);
    stores.memberships().add(new Membership(org.id(), user.id(), Role.OWNER, now));
    return user;
  }

  /**
   * Creates an API key for the org {@code orgSlug} (created when missing).
   *
   * @param orgSlug the org
   * @param name the key's label
   * @param environment live or test
   * @return the full key, shown once; only its hash is stored
   */
  public String createKey(String orgSlug, String name, KeyEnvironment environment) {
    Org org = ensureOrg(orgSlug);
    String secret = ApiKeys.generate(environment);
    stores
        .apiKeys()
        .create(
            new ApiKey(
                ids.get(),
                org.id(),
                ApiKeys.prefix(secret),
                hasher.hash(secret),
                environment,
                name,
                OPERATOR_KEY_SCOPES,
                "cli",
                clock.now(),
                null,
                null,
                null));
    return secret;
  }
}
