package ai.agentlens.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.EventBatch;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link ai.agentlens.core.port.storage.UsageLedger} contract (FR-34, FR-54): usage is bucketed
 * by the hour of writing and summed over ranges, per org.
 */
public abstract class UsageLedgerContract extends StorageContract {

  @Test
  void usageIsBucketedByTheHourOfWritingAndSummedOverRanges() {
    String org = newOrg().id();
    Instant start = now.get();
    Instant h0 = start.truncatedTo(ChronoUnit.HOURS);
    try {
      stores.events().append(new EventBatch(org, "k", List.of(custom(org, "s"))));
      now.set(start.plus(Duration.ofHours(1)));
      stores.events().append(new EventBatch(org, "k", List.of(custom(org, "s"), custom(org, "s"))));
    } finally {
      now.set(start);
    }
    assertThat(stores.usage().records(org, h0, h0.plus(Duration.ofHours(2))))
        .extracting(r -> r.hour() + "/" + r.eventCount())
        .containsExactly(h0 + "/1", h0.plus(Duration.ofHours(1)) + "/2");
    assertThat(stores.usage().total(org, h0, h0.plus(Duration.ofHours(2)))).isEqualTo(3);
    assertThat(
            stores.usage().total(org, h0.plus(Duration.ofHours(1)), h0.plus(Duration.ofHours(2))))
        .isEqualTo(2);
    assertThat(stores.usage().total(org, h0.minusSeconds(7200), h0)).isZero();
  }
}
