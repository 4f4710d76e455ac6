package ai.agentlens.queue.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the raw binary replies of XAUTOCLAIM and XRANGE, which Jedis returns untyped. */
final class StreamEntries {

  /**
   * One stream entry.
   *
   * @param id the entry id
   * @param fields field name to value; empty for an entry Redis reported as deleted
   */
  record Entry(String id, Map<String, byte[]> fields) {

    byte[] field(String name) {
      return fields.get(name);
    }

    String text(String name) {
      byte[] v = fields.get(name);
      return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }
  }

  private StreamEntries() {}

  /** Parses a list of {@code [id, [field, value, …]]} items; a {@code nil} item is skipped. */
  static List<Entry> parse(List<?> items) {
    List<Entry> out = new ArrayList<>(items == null ? 0 : items.size());
    if (items == null) {
      return out;
    }
    for (Object item : items) {
      if (!(item instanceof List<?> pair) || pair.isEmpty()) {
        continue; // why: Redis 6.2 XAUTOCLAIM answers nil for entries deleted while pending
      }
      String id = new String((byte[]) pair.get(0), StandardCharsets.UTF_8);
      Map<String, byte[]> fields = new HashMap<>();
      if (pair.size() > 1 && pair.get(1) instanceof List<?> flat) {
        for (int i = 0; i + 1 < flat.size(); i += 2) {
          fields.put(
              new String((byte[]) flat.get(i), StandardCharsets.UTF_8), (byte[]) flat.get(i + 1));
        }
      }
      out.add(new Entry(id, fields));
    }
    return out;
  }
}
