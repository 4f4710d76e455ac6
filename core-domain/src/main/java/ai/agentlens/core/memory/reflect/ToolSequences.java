package ai.agentlens.core.memory.reflect;

import ai.agentlens.core.port.memory.ReflectReads.ToolStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code tool_sequences}: the tool n-grams ({@value #MIN_N}..{@value #MAX_N} consecutive tool calls
 * of one session) seen at least {@value #MIN_FREQUENCY} times, with how often they occur, in how
 * many sessions, and their error rate (the share of occurrences in which at least one of the calls
 * ended in a {@code tool_error} with its {@code callId}). Most frequent first, then longer, then by
 * text. Pure.
 */
public final class ToolSequences {

  /** Shortest sequence. */
  public static final int MIN_N = 2;

  /** Longest sequence. */
  public static final int MAX_N = 3;

  /** Fewest occurrences reported. */
  public static final int MIN_FREQUENCY = 2;

  private ToolSequences() {}

  private record Call(String tool, boolean failed) {}

  /**
   * Finds the sequences.
   *
   * @param steps tool calls and errors, ordered by session, then sequence
   * @param limit most insights
   * @return the insights
   */
  public static List<Insight> analyze(List<ToolStep> steps, int limit) {
    Map<List<String>, long[]> counts = new LinkedHashMap<>();
    Map<List<String>, Set<String>> sessions = new LinkedHashMap<>();
    Map<String, List<ToolStep>> bySession = new LinkedHashMap<>();
    for (ToolStep s : steps) {
      bySession.computeIfAbsent(s.sessionId(), k -> new ArrayList<>()).add(s);
    }
    bySession.forEach(
        (session, list) -> {
          List<Call> calls = calls(list);
          for (int n = MIN_N; n <= MAX_N; n++) {
            for (int i = 0; i + n <= calls.size(); i++) {
              List<Call> window = calls.subList(i, i + n);
              List<String> key = window.stream().map(Call::tool).toList();
              long[] c = counts.computeIfAbsent(key, k -> new long[2]);
              c[0]++;
              if (window.stream().anyMatch(Call::failed)) {
                c[1]++;
              }
              sessions.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(session);
            }
          }
        });
    return counts.entrySet().stream()
        .filter(e -> e.getValue()[0] >= MIN_FREQUENCY)
        .sorted(
            Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> e.getValue()[0])
                .reversed()
                .thenComparing(e -> -e.getKey().size())
                .thenComparing(e -> String.join(" > ", e.getKey())))
        .limit(limit)
        .map(e -> insight(e.getKey(), e.getValue(), sessions.get(e.getKey()).size()))
        .toList();
  }

  private static List<Call> calls(List<ToolStep> list) {
    Set<String> failed = new HashSet<>();
    for (ToolStep s : list) {
      if (s.error() && s.callId() != null) {
        failed.add(s.callId());
      }
    }
    List<Call> calls = new ArrayList<>();
    for (ToolStep s : list) {
      if (!s.error() && s.toolName() != null) {
        calls.add(new Call(s.toolName(), s.callId() != null && failed.contains(s.callId())));
      }
    }
    return calls;
  }

  private static Insight insight(List<String> seq, long[] c, int sessions) {
    double errorRate = Insight.round((double) c[1] / c[0], 4);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sequence", seq);
    data.put("length", (long) seq.size());
    data.put("frequency", c[0]);
    data.put("sessions", (long) sessions);
    data.put("errorRate", errorRate);
    return new Insight(
        "tool_sequence",
        "Sequence "
            + String.join(" → ", seq)
            + " ran "
            + c[0]
            + " times in "
            + sessions
            + " session"
            + (sessions == 1 ? "" : "s")
            + " with an error rate of "
            + Insight.round(errorRate * 100, 1)
            + "%.",
        data,
        Insight.byCount(c[0]));
  }
}
