package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.Event;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.core.read.Timeline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionTimeline} on a real event store: a session longer than the store's largest read
 * (10,000 events) still verifies in full, and an event tampered with in the database deep inside it
 * is reported with its index, whatever page is asked for.
 */
public abstract class SessionTimelineContract extends StorageContract {

  private static final int EVENTS = 10_250;

  private String longSession(String org) {
    String session = id("sess");
    List<Event> batch = new ArrayList<>(1_000);
    for (int i = 0; i < EVENTS; i++) {
      batch.add(custom(org, session));
      if (batch.size() == 1_000 || i == EVENTS - 1) {
        stores.events().append(batch(org, batch));
        batch = new ArrayList<>(1_000);
      }
    }
    return session;
  }

  @Test
  void aSessionLongerThanTheStoresLargestReadVerifiesAndATamperedEventIsFoundByIndex()
      throws SQLException {
    String org = newOrg().id();
    String session = longSession(org);
    SessionTimeline timeline = new SessionTimeline(stores.events());

    Timeline whole = timeline.read(org, session, 0, SessionTimeline.ALL).orElseThrow();
    assertThat(whole.events()).hasSize(EVENTS);
    assertThat(whole.chain().valid()).isTrue();
    Timeline tail = timeline.read(org, session, EVENTS - 10, 100).orElseThrow();
    assertThat(tail.events()).hasSize(10);
    assertThat(tail.hasMore()).isFalse();
    assertThat(tail.chain().valid()).isTrue();

    tamper(org, session, 9_876);

    Timeline firstPage = timeline.read(org, session, 0, 20).orElseThrow();
    assertThat(firstPage.events()).hasSize(20);
    assertThat(firstPage.hasMore()).isTrue();
    assertThat(firstPage.chain().valid()).isFalse();
    assertThat(firstPage.chain().failedAtIndex()).isEqualTo(9_875);
    assertThat(firstPage.chain().reason()).isEqualTo("hash does not match the event's contents");
    assertThat(timeline.read(newOrg().id(), session, 0, 20)).isEmpty();
  }

  /** Changes one stored event's agent behind the application's back, as the app role could. */
  private void tamper(String org, String session, long sequence) throws SQLException {
    try (Connection c = opened.raw().connect()) {
      c.setAutoCommit(false);
      opened.raw().scopeToOrg(c, org);
      try (PreparedStatement ps =
          c.prepareStatement(
              "update events set agent_id = 'forged'"
                  + " where org_id = ? and session_id = ? and sequence = ?")) {
        ps.setString(1, org);
        ps.setString(2, session);
        ps.setLong(3, sequence);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      c.commit();
    }
  }
}
