package ai.agentlens.core.port.billing;

/**
 * A verified webhook event, reduced to what the billing use case needs. The body's object is a hint
 * only: the use case re-reads the subscription's current state (events may arrive out of order).
 *
 * @param id the provider's event id (the exactly-once key)
 * @param type e.g. {@code customer.subscription.updated}
 * @param created when the provider created it (epoch seconds)
 * @param customerId the customer the event is about, or {@code null}
 * @param subscriptionId the subscription it is about, or {@code null}
 * @param orgId the org from the object's metadata or checkout reference, or {@code null}
 */
public record WebhookEvent(
    String id, String type, long created, String customerId, String subscriptionId, String orgId) {}
