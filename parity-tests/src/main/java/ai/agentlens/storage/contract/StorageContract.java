package ai.agentlens.storage.contract;

import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.account.model.User;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.plan.Plan;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.storage.spi.StorageProvider;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every storage contract suite (the test kit's storage half, like micronaut-data's TCK). A
 * backend module runs a suite by subclassing it in its own {@code src/test} and implementing {@link
 * #open(Clock)}: about ten lines per suite. The backend is opened once per class; each test works
 * in its own fresh orgs, so tests never see each other's rows. Optional features are asked of
 * {@link ai.agentlens.storage.spi.StorageProvider#capabilities()} and missing ones are JUnit
 * assumptions (reported as skipped); no suite asks which backend it runs on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageContract {

  /** A settable clock; starts at a fixed instant with microseconds. */
  protected final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-14T15:09:26.535897Z"));

  protected OpenedBackend opened;
  protected StorageProvider provider;
  protected Stores stores;

  /**
   * Opens the backend under test on a fresh, migrated database of its own.
   *
   * @param clock the clock the provider must use (tests move it)
   * @return the provider and raw access to its database
   * @throws Exception when the backend cannot be opened
   */
  protected abstract OpenedBackend open(Clock clock) throws Exception;

  @BeforeAll
  void openBackend() throws Exception {
    Clock clock = now::get;
    opened = open(clock);
    provider = opened.provider();
    stores = provider.stores();
  }

  @AfterAll
  void closeBackend() {
    if (provider != null) {
      provider.close();
    }
  }

  /**
   * Returns a fresh id.
   *
   * @param prefix e.g. {@code org}
   * @return {@code <prefix>_<32 hex digits>}
   */
  protected static String id(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Creates a fresh Pro org through the store.
   *
   * @return the stored org
   */
  protected Org newOrg() {
    String id = id("org");
    Org org =
        new Org(
            id,
            "s-" + id.substring(4, 24),
            "Org " + id,
            Plan.PRO,
            OrgSettings.defaults(30),
            now.get());
    stores.orgs().create(org);
    return org;
  }

  /**
   * Creates a fresh user through the store, with a mixed-case e-mail address.
   *
   * @return the stored user
   */
  protected User newUser() {
    String id = id("usr");
    User u = new User(id, id + "@Example.COM", "User " + id, null, "$2a$hash", false, now.get());
    stores.users().create(u);
    return u;
  }

  /**
   * Returns an event not yet written (no sequence, no hash), at a fixed time with microseconds.
   *
   * @param orgId the org
   * @param session the session id
   * @param agent the agent id
   * @param type the event type
   * @param payload the payload as JSON
   * @return the event
   */
  protected static Event event(
      String orgId, String session, String agent, EventType type, String payload) {
    return event(
        orgId, session, agent, type, payload, Instant.parse("2026-03-14T10:00:00.123456Z"));
  }

  /**
   * Returns an {@code INFO} event not yet written (no sequence, no hash), at a given time.
   *
   * @param orgId the org
   * @param session the session id
   * @param agent the agent id
   * @param type the event type
   * @param payload the payload as JSON
   * @param timestamp the event's time
   * @return the event
   */
  protected static Event event(
      String orgId,
      String session,
      String agent,
      EventType type,
      String payload,
      Instant timestamp) {
    return Event.unwritten(
        id("evt"), orgId, session, agent, type, Severity.INFO, timestamp, payload, "{}");
  }

  /**
   * Returns a small {@code custom} event of {@code agent-1}, not yet written.
   *
   * @param orgId the org
   * @param session the session id
   * @return the event
   */
  protected static Event custom(String orgId, String session) {
    return event(
        orgId, session, "agent-1", EventType.CUSTOM, "{\"type\":\"t\",\"data\":{\"n\":1}}");
  }

  /**
   * Wraps events into a batch of one org without an API key.
   *
   * @param orgId the org
   * @param events the events
   * @return the batch
   */
  protected static EventBatch batch(String orgId, List<Event> events) {
    return new EventBatch(orgId, null, events);
  }

  /**
   * Appends events of one org as one batch without an API key.
   *
   * @param orgId the org
   * @param events the events
   */
  protected void store(String orgId, Event... events) {
    stores.events().append(batch(orgId, List.of(events)));
  }
}
