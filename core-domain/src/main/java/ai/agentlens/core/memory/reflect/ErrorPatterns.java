package ai.agentlens.core.memory.reflect;

import ai.agentlens.core.port.memory.ReflectReads.ErrorRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code error_patterns}: error events grouped by (tool, normalized message). Normalizing lowers
 * the case and replaces UUIDs, long hex ids, quoted texts and numbers by {@code <id>}, {@code
 * <str>} and {@code <n>}, so "timeout after 3000 ms" and "timeout after 5000 ms" are one pattern.
 * One {@code error_pattern} insight per group, most frequent first. Pure.
 */
public final class ErrorPatterns {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern HEX = Pattern.compile("\\b(?=[0-9a-f]*\\d)[0-9a-f]{12,}\\b");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private ErrorPatterns() {}

  /**
   * Normalizes an error message.
   *
   * @param message the message, possibly {@code null}
   * @return the pattern, at most 200 characters
   */
  public static String normalize(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    String s = message.toLowerCase(Locale.ROOT);
    s = UUID.matcher(s).replaceAll("<id>");
    s = HEX.matcher(s).replaceAll("<id>");
    s = QUOTED.matcher(s).replaceAll("<str>");
    s = NUMBER.matcher(s).replaceAll("<n>");
    s = SPACE.matcher(s).replaceAll(" ").trim();
    return s.length() <= 200 ? s : s.substring(0, 200);
  }

  /**
   * Groups the errors.
   *
   * @param rows the error events
   * @param limit most insights
   * @return the insights
   */
  public static List<Insight> analyze(List<ErrorRow> rows, int limit) {
    Map<List<String>, Group> groups = new LinkedHashMap<>();
    for (ErrorRow r : rows) {
      String tool = r.toolName() == null ? "" : r.toolName();
      String pattern = normalize(r.message() == null ? r.eventType() : r.message());
      groups.computeIfAbsent(List.of(tool, pattern), k -> new Group(tool, pattern)).add(r);
    }
    return groups.values().stream()
        .sorted(
            Comparator.comparingLong((Group g) -> g.count)
                .reversed()
                .thenComparing(g -> g.tool)
                .thenComparing(g -> g.pattern))
        .limit(limit)
        .map(Group::insight)
        .toList();
  }

  private static final class Group {
    final String tool;
    final String pattern;
    long count;
    final Set<String> sessions = new LinkedHashSet<>();
    final Set<String> agents = new LinkedHashSet<>();
    ErrorRow newest;
    ErrorRow oldest;

    Group(String tool, String pattern) {
      this.tool = tool;
      this.pattern = pattern;
    }

    void add(ErrorRow r) {
      count++;
      sessions.add(r.sessionId());
      agents.add(r.agentId());
      if (newest == null || r.timestamp().isAfter(newest.timestamp())) {
        newest = r;
      }
      if (oldest == null || !r.timestamp().isAfter(oldest.timestamp())) {
        oldest = r;
      }
    }

    Insight insight() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("pattern", pattern);
      data.put("toolName", tool.isEmpty() ? null : tool);
      data.put("count", count);
      data.put("sessions", (long) sessions.size());
      data.put("agents", new ArrayList<>(agents));
      data.put("firstSeen", oldest.timestamp().toString());
      data.put("lastSeen", newest.timestamp().toString());
      data.put("exampleMessage", newest.message());
      data.put(
          "exampleSessionIds", new ArrayList<>(sessions).subList(0, Math.min(3, sessions.size())));
      String where = tool.isEmpty() ? "" : " in tool " + tool;
      return new Insight(
          "error_pattern",
          "Error '"
              + pattern
              + "'"
              + where
              + " occurred "
              + count
              + " time"
              + (count == 1 ? "" : "s")
              + " in "
              + sessions.size()
              + " session"
              + (sessions.size() == 1 ? "" : "s")
              + ".",
          data,
          Insight.byCount(count));
    }
  }
}
