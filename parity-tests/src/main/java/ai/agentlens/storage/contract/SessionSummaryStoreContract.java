package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.memory.model.KeyEvent;
import ai.agentlens.core.memory.model.Outcome;
import ai.agentlens.core.memory.model.SessionSummary;
import ai.agentlens.core.memory.model.SummarySearch;
import ai.agentlens.core.port.memory.SessionSummaryStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link SessionSummaryStore} contract: a summary round-trips with its lists, key events and
 * optional fields; an upsert replaces the session's earlier summary; text search matches literal
 * terms case-insensitively, ranks by matching terms then newest start, and filters by agent, user
 * and time; another org (or none) reads nothing.
 */
public abstract class SessionSummaryStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123456Z");

  private SessionSummaryStore store() {
    return provider.memory().summaries();
  }

  private static SessionSummary summary(
      String org, String session, String agent, String user, Instant at, String text) {
    return new SessionSummary(
        org,
        session,
        agent,
        user,
        at,
        user == null ? null : at.plusSeconds(90),
        text,
        List.of("refund", "invoice"),
        List.of("lookup", "pay"),
        user == null ? null : "1 errors: card declined",
        user == null ? Outcome.SUCCESS : Outcome.PARTIAL,
        7,
        user == null ? 0 : 1,
        List.of(
            new KeyEvent("evt-1", "tool_call", "tool_call: lookup({\"id\":1})", at),
            new KeyEvent("evt-2", "session_ended", "session_ended: completed", at.plusSeconds(90))),
        at.plusSeconds(91));
  }

  @Test
  void summariesRoundTripAndUpsertReplaces() {
    String org = newOrg().id();
    SessionSummary a = summary(org, "ses-a", "bot", "user-1", T, "Agent bot handled a refund.");
    SessionSummary b = summary(org, "ses-b", "bot", null, T, "Agent bot wrote a poem.");
    store().upsert(a);
    store().upsert(b);
    assertThat(store().find(org, "ses-a")).contains(a);
    assertThat(store().find(org, "ses-b")).contains(b);
    SessionSummary again = summary(org, "ses-a", "bot", null, T.plusSeconds(5), "Ended again.");
    store().upsert(again);
    store().upsert(again);
    assertThat(store().find(org, "ses-a")).contains(again);
    assertThat(store().find(org, "ses-missing")).isEmpty();
  }

  @Test
  void textSearchRanksByMatchingTermsThenNewest() {
    String org = newOrg().id();
    store().upsert(summary(org, "s1", "bot", "u1", T, "Shipping delayed for ORDER 7."));
    store().upsert(summary(org, "s2", "bot", "u2", T.plusSeconds(60), "Order shipping 100%_done"));
    store().upsert(summary(org, "s3", "other", "u1", T.plusSeconds(120), "Order placed."));
    store().upsert(summary(org, "s4", "bot", "u1", T.plusSeconds(180), "Nothing relevant here."));
    List<String> ids =
        store().search(search(org, List.of("shipping", "order"), null, null, null, null)).stream()
            .map(SessionSummary::sessionId)
            .toList();
    assertThat(ids)
        .as("two matching terms first, then newest first")
        .containsExactly("s2", "s1", "s3");
    assertThat(ids("shipping", org, "bot", null, null, null)).containsExactly("s2", "s1");
    assertThat(ids("shipping", org, null, "u1", null, null)).containsExactly("s1");
    assertThat(ids("order", org, null, null, T.plusSeconds(60), T.plusSeconds(121)))
        .containsExactly("s3", "s2");
    assertThat(ids("100%_", org, null, null, null, null)).containsExactly("s2");
    assertThat(ids("%", org, null, null, null, null)).containsExactly("s2");
    assertThat(ids("_", org, null, null, null, null)).containsExactly("s2");
    assertThat(ids("zebra", org, null, null, null, null)).isEmpty();
    assertThat(store().search(new SummarySearch(org, List.of("order"), null, null, null, null, 1)))
        .hasSize(1);
  }

  @Test
  void anotherOrgOrNoneReadsNothing() {
    String org = newOrg().id();
    String other = newOrg().id();
    store().upsert(summary(org, "ses-x", "bot", null, T, "Secret refund plan."));
    assertThat(store().find(other, "ses-x")).isEmpty();
    assertThat(store().find(null, "ses-x")).isEmpty();
    assertThat(store().find(" ", "ses-x")).isEmpty();
    assertThat(ids("refund", other, null, null, null, null)).isEmpty();
    assertThat(ids("refund", null, null, null, null, null)).isEmpty();
    store().upsert(summary(other, "ses-x", "bot", null, T, "Other org's own."));
    assertThat(store().find(org, "ses-x").orElseThrow().summary()).isEqualTo("Secret refund plan.");
  }

  private List<String> ids(
      String term, String org, String agent, String user, Instant from, Instant to) {
    return store().search(search(org, List.of(term), agent, user, from, to)).stream()
        .map(SessionSummary::sessionId)
        .toList();
  }

  private static SummarySearch search(
      String org, List<String> terms, String agent, String user, Instant from, Instant to) {
    return new SummarySearch(org, terms, agent, user, from, to, 100);
  }
}
