package ai.agentlens.web.wiring;

import ai.agentlens.core.account.Access;
import ai.agentlens.core.account.AccountPorts;
import ai.agentlens.core.account.AuditTrail;
import ai.agentlens.core.billing.Billing;
import ai.agentlens.core.billing.BillingCache;
import ai.agentlens.core.billing.BillingSettings;
import ai.agentlens.core.billing.BillingWebhooks;
import ai.agentlens.core.port.billing.BillingGateway;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Builds the billing use cases when a launcher supplies a {@link BillingGateway} (app-cloud with
 * Stripe configured). Without one the billing routes answer 503 (cloud) or do not exist
 * (self-hosted).
 */
@Factory
@Requires(beans = BillingGateway.class)
public class BillingBeans {

  @Singleton
  BillingSettings billingSettings(
      @Value("${agentlens.stripe.webhook-secret:}") String secret,
      @Value("${agentlens.billing.webhook-tolerance:5m}") Duration tolerance,
      @Value("${agentlens.billing.grace-period:7d}") Duration grace,
      @Value("${agentlens.billing.trial:14d}") Duration trial,
      @Value("${agentlens.billing.trial-warning:3d}") Duration trialWarning,
      @Value("${agentlens.public-url:}") String publicUrl) {
    return new BillingSettings(secret, tolerance, grace, trial, trialWarning, publicUrl);
  }

  @Singleton
  BillingCache billingCache(AccountPorts ports) {
    return new BillingCache(ports.stores().billing(), System::nanoTime);
  }

  @Singleton
  Billing billing(
      AccountPorts ports,
      Access access,
      AuditTrail audit,
      BillingGateway gateway,
      BillingSettings settings,
      BillingCache cache) {
    return new Billing(ports, access, audit, gateway, settings, cache);
  }

  @Singleton
  BillingWebhooks billingWebhooks(
      AccountPorts ports,
      BillingGateway gateway,
      BillingSettings settings,
      AuditTrail audit,
      BillingCache cache) {
    return new BillingWebhooks(ports, gateway, settings, audit, cache);
  }
}
