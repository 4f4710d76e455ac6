package ai.agentlens.core.risk;

import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reason that contributed to a risk score.
 *
 * @param code what was found, e.g. {@code prompt_injection}, {@code pii_in_response}
 * @param weight its weight in (0, 1]: the score is {@code 100 × (1 − Π(1 − weight))}
 * @param detail the pattern or fact behind it (never the matched text itself)
 */
public record RiskReason(String code, double weight, String detail) {

  /**
   * Writes reasons as the JSON array the API shows and the stores keep: {@code [{"code", "weight",
   * "detail"}, …]}, in order.
   *
   * @param reasons the reasons
   * @return the array
   */
  public static JsonArray toJson(List<RiskReason> reasons) {
    List<Object> out = new ArrayList<>();
    for (RiskReason r : reasons) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("code", r.code());
      o.put("weight", JsonNumber.of(BigDecimal.valueOf(r.weight())));
      o.put("detail", r.detail());
      out.add(JsonObject.of(o));
    }
    return JsonArray.of(out);
  }
}
