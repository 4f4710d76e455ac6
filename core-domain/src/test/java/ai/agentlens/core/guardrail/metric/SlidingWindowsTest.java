package ai.agentlens.core.guardrail.metric;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.event.WindowCount;
import ai.agentlens.core.port.storage.EventStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link SlidingWindows} answers what a full count of each window answers, while reading only the
 * seconds that changed; late events join at the next full count.
 */
class SlidingWindowsTest {

  private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");
  private static final Duration ONE = Duration.ofMinutes(1);
  private static final Duration FIVE = Duration.ofMinutes(5);

  /** A stored event: when, whether an error, whether a session start. */
  private record Row(Instant ts, boolean error, boolean started) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<Duration> spans = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private final EventStore store = fake();
  private final SlidingWindows windows = new SlidingWindows(store, nanos::get, 30_000_000_000L);

  private EventStore fake() {
    return (EventStore)
        Proxy.newProxyInstance(
            EventStore.class.getClassLoader(),
            new Class<?>[] {EventStore.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("windowCounts")) {
                throw new UnsupportedOperationException(method.getName());
              }
              @SuppressWarnings("unchecked")
              List<Instant> starts = (List<Instant>) args[2];
              Instant to = (Instant) args[3];
              return starts.stream().map(from -> count(from, to)).toList();
            });
  }

  private WindowCount count(Instant from, Instant to) {
    spans.add(Duration.between(from, to));
    long total = 0;
    long errors = 0;
    long started = 0;
    for (Row r : rows) {
      if (!r.ts().isBefore(from) && r.ts().isBefore(to)) {
        total++;
        errors += r.error() ? 1 : 0;
        started += r.started() ? 1 : 0;
      }
    }
    return new WindowCount(from, total, errors, started);
  }

  private WindowCount expected(Duration length, Instant now) {
    List<Duration> saved = new ArrayList<>(spans);
    WindowCount c = count(now.minus(length), now.plusSeconds(1));
    spans.clear();
    spans.addAll(saved);
    return c;
  }

  @Test
  void advancingMatchesAFullCountAndReadsOnlyTheSecondsThatChanged() {
    Random random = new Random(42);
    Instant now = T0;
    int fullCounts = 0;
    for (int step = 0; step < 600; step++) {
      for (int i = random.nextInt(20); i > 0; i--) {
        // events arrive with timestamps around now, some a little ahead of it
        rows.add(
            new Row(
                now.plusMillis(random.nextInt(1_800) - 200),
                random.nextInt(5) == 0,
                random.nextInt(10) == 0));
      }
      spans.clear();
      Map<Duration, WindowCount> got = windows.counts("o", "a", Set.of(ONE, FIVE), now, null);
      assertThat(got.get(ONE)).as("step %d", step).isEqualTo(expected(ONE, now));
      assertThat(got.get(FIVE)).as("step %d", step).isEqualTo(expected(FIVE, now));
      if (spans.stream().anyMatch(s -> s.compareTo(Duration.ofSeconds(13)) > 0)) {
        fullCounts++;
      }
      Duration elapsed = Duration.ofMillis(500 + random.nextInt(1_000));
      now = now.plus(elapsed);
      nanos.addAndGet(elapsed.toNanos());
    }
    // why: one full count at the start and one per 30 s after; every other step read <= 13 s
    long seconds = Duration.between(T0, now).toSeconds();
    assertThat(fullCounts).isBetween(2, (int) (seconds / 30) + 2);
  }

  @Test
  void anEventAnotherProcessStoredLateIsCountedAtOnceWithinTenSecondsAndAtTheNextFullCountBeyond() {
    rows.add(new Row(T0.minusSeconds(30), false, false));
    assertThat(windows.counts("o", "a", Set.of(ONE), T0, null).get(ONE).total()).isEqualTo(1);
    rows.add(new Row(T0.minusSeconds(5), false, false));
    rows.add(new Row(T0.minusSeconds(20), true, false));
    Instant later = T0.plusSeconds(1);
    nanos.addAndGet(1_000_000_000L);
    // why: the event 5 s old is in the recent part, read afresh; the one 20 s old was settled
    assertThat(windows.counts("o", "a", Set.of(ONE), later, null).get(ONE).total()).isEqualTo(2);
    nanos.addAndGet(30_000_000_000L);
    WindowCount recounted =
        windows.counts("o", "a", Set.of(ONE), later.plusSeconds(30), null).get(ONE);
    // why: the window now starts at T0 - 29 s, so the first row left it; the late error joined
    assertThat(recounted.total()).isEqualTo(2);
    assertThat(recounted.errors()).isEqualTo(1);
  }

  @Test
  void anOldEventThisProcessJustStoredMakesAFullCount() {
    windows.counts("o", "a", Set.of(ONE), T0, null);
    rows.add(new Row(T0.minusSeconds(40), true, false));
    WindowCount got =
        windows.counts("o", "a", Set.of(ONE), T0.plusSeconds(1), T0.minusSeconds(40)).get(ONE);
    assertThat(got.errors()).isEqualTo(1);
  }

  @Test
  void aNewWindowLengthOrAClockGoingBackCountsInFull() {
    rows.add(new Row(T0.minusSeconds(200), true, false));
    windows.counts("o", "a", Set.of(ONE), T0, null);
    rows.add(new Row(T0.minusSeconds(100), false, true));
    WindowCount five =
        windows.counts("o", "a", Set.of(ONE, FIVE), T0.plusSeconds(1), null).get(FIVE);
    assertThat(five).isEqualTo(new WindowCount(T0.plusSeconds(1).minus(FIVE), 2, 1, 1));
    rows.add(new Row(T0.minusSeconds(30), false, false));
    WindowCount back = windows.counts("o", "a", Set.of(ONE), T0, null).get(ONE);
    assertThat(back.total()).isEqualTo(1);
  }

  @Test
  void agentsAndOrgsAreCountedApart() {
    rows.add(new Row(T0, false, false));
    assertThat(windows.counts("o", "a", Set.of(ONE), T0, null).get(ONE).total()).isEqualTo(1);
    assertThat(windows.counts("o", "b", Set.of(), T0, null)).isEmpty();
  }

  @Test
  void aNewWindowLengthIsCountedInFullOnItsOwnWhileTheHeldOnesAdvance() {
    rows.add(new Row(T0.minusSeconds(200), true, false));
    rows.add(new Row(T0.minusSeconds(30), false, false));
    windows.counts("o", "a", Set.of(ONE), T0, null);
    rows.add(new Row(T0.plusMillis(500), false, true));
    Instant later = T0.plusSeconds(1);
    nanos.addAndGet(1_000_000_000L);
    spans.clear();
    Map<Duration, WindowCount> got = windows.counts("o", "a", Set.of(ONE, FIVE), later, null);
    assertThat(got.get(FIVE)).isEqualTo(expected(FIVE, later));
    assertThat(got.get(ONE)).isEqualTo(expected(ONE, later));
    assertThat(spans.stream().filter(d -> d.compareTo(Duration.ofSeconds(13)) > 0))
        .as("only the new five-minute window is read whole")
        .containsExactly(FIVE.plusSeconds(1));
    for (int i = 1; i <= 5; i++) {
      Instant t = later.plusSeconds(i);
      rows.add(new Row(t.minusMillis(300), i % 2 == 0, false));
      nanos.addAndGet(1_000_000_000L);
      spans.clear();
      got = windows.counts("o", "a", Set.of(ONE, FIVE), t, null);
      assertThat(got.get(ONE)).as("second %d", i).isEqualTo(expected(ONE, t));
      assertThat(got.get(FIVE)).as("second %d", i).isEqualTo(expected(FIVE, t));
      assertThat(spans).allMatch(d -> d.compareTo(Duration.ofSeconds(13)) <= 0);
    }
  }
}
