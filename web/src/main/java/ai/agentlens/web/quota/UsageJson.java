package ai.agentlens.web.quota;

import ai.agentlens.core.plan.OverageCap;
import ai.agentlens.core.quota.UsageReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of {@code GET /api/usage} and {@code PUT /api/billing/overage-cap}. */
final class UsageJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private UsageJson() {}

  static String report(UsageReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.period());
    m.put("plan", r.plan());
    m.put("used", r.used());
    m.put("quota", r.quota());
    m.put("remaining", r.remaining());
    m.put("capEvents", r.capEvents());
    m.put("overageCap", cap(r.cap()));
    m.put("projected", r.projected());
    m.put(
        "daily",
        r.days().stream()
            .map(d -> Map.<String, Object>of("date", d.date().toString(), "events", d.events()))
            .toList());
    UsageReport.Cost c = r.cost();
    if (c == null) {
      m.put("cost", null);
    } else {
      Map<String, Object> cost = new LinkedHashMap<>();
      cost.put("baseUsd", c.baseUsd());
      cost.put("overagePer1kUsd", c.overagePer1kUsd());
      cost.put("overageEvents", c.overageEvents());
      cost.put("overageUsd", c.overageUsd());
      cost.put("projectedOverageEvents", c.projectedOverageEvents());
      cost.put("projectedOverageUsd", c.projectedOverageUsd());
      cost.put("projectedTotalUsd", c.projectedTotalUsd());
      m.put("cost", cost);
    }
    List<Map<String, Object>> agents =
        r.agents().stream()
            .map(
                a ->
                    Map.<String, Object>of(
                        "agentId", a.agentId(), "events", a.events(), "percent", a.percent()))
            .toList();
    m.put("agents", agents);
    return write(m);
  }

  static Map<String, Object> cap(OverageCap cap) {
    if (cap == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("multiplier", cap.multiplier());
    m.put("events", cap.events());
    return m;
  }

  static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectMapper mapper() {
    return JSON;
  }
}
