package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.incident.model.RcaRecord;
import ai.agentlens.core.incident.model.RcaStatus;
import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.core.port.incident.RootCauseStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link RootCauseStore} contract: an analysis round-trips exactly (texts, list order,
 * microseconds), a later one replaces it (done → failed → done), and another org (or none) reads
 * nothing and cannot overwrite it.
 */
public abstract class RootCauseStoreContract extends StorageContract {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00.123456Z");

  private RootCauseStore store() {
    return provider.incidents().rootCauses();
  }

  private static RcaRecord done(String org, String incident, int attempts, Instant at) {
    return new RcaRecord(
        org,
        incident,
        RcaStatus.DONE,
        "builtin",
        new RootCause(
            "Errors from gpt-4o: 3 of 4 failed «ünïcode» 🚨",
            "3 of 3 failed requests were gpt-4o (finish reason error).",
            List.of(
                "Models: gpt-4o 4 requests.",
                "Failures: gpt-4o (finish reason error) 3.",
                "\"quoted\", [x]"),
            List.of("Check the provider's status.", "Review the related requests.")),
        List.of("req-3", "req-1", "req-2"),
        null,
        attempts,
        at);
  }

  private static RcaRecord failed(String org, String incident, int attempts, Instant at) {
    return new RcaRecord(
        org,
        incident,
        RcaStatus.FAILED,
        "model:gpt-4o-mini",
        null,
        List.of(),
        "language model api.example.com timed out after 30000 ms",
        attempts,
        at);
  }

  @Test
  void anAnalysisRoundTripsExactly() {
    String org = newOrg().id();
    RcaRecord r = done(org, "inc_01", 1, T);
    store().save(r);
    assertThat(store().find(org, "inc_01")).contains(r);
    assertThat(store().find(org, "inc_02")).isEmpty();
  }

  @Test
  void aLaterAnalysisReplacesTheEarlierOneEvenAFailedOne() {
    String org = newOrg().id();
    store().save(done(org, "inc_01", 1, T));
    RcaRecord f = failed(org, "inc_01", 2, T.plusSeconds(60));
    store().save(f);
    assertThat(store().find(org, "inc_01")).contains(f);
    RcaRecord again = done(org, "inc_01", 3, T.plusSeconds(120));
    store().save(again);
    assertThat(store().find(org, "inc_01")).contains(again);
  }

  @Test
  void anotherOrgNeitherReadsNorOverwritesIt() {
    String a = newOrg().id();
    String b = newOrg().id();
    RcaRecord mine = done(a, "inc_01", 1, T);
    store().save(mine);
    assertThat(store().find(b, "inc_01")).isEmpty();
    assertThat(store().find(null, "inc_01")).isEmpty();
    assertThat(store().find(" ", "inc_01")).isEmpty();
    store().save(failed(b, "inc_01", 1, T.plusSeconds(5)));
    assertThat(store().find(a, "inc_01")).contains(mine);
    assertThat(store().find(b, "inc_01").orElseThrow().status()).isEqualTo(RcaStatus.FAILED);
  }
}
