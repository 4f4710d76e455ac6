package ai.agentlens.core.guardrail.metric;

import ai.agentlens.core.guardrail.model.ConditionType;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;

/**
 * When a measured value breaches a metric condition (pure): error rate and cost above their
 * threshold, health below its floor, custom metrics by their operator.
 */
public final class Conditions {

  private Conditions() {}

  /**
   * Compares a value with a rule's condition.
   *
   * @param type a metric condition type
   * @param config the rule's normalized condition config
   * @param value the measured value
   * @return the reading
   */
  public static Reading judge(ConditionType type, JsonObject config, double value) {
    return switch (type) {
      case ERROR_RATE_THRESHOLD -> {
        double t = num(config, "threshold");
        yield new Reading(value, t, value > t);
      }
      case COST_LIMIT -> {
        double t = num(config, "maxCostUsd");
        yield new Reading(value, t, value > t);
      }
      case HEALTH_SCORE_THRESHOLD -> {
        double t = num(config, "minScore");
        yield new Reading(value, t, value < t);
      }
      case CUSTOM_METRIC -> {
        double t = num(config, "value");
        yield new Reading(value, t, compare(config.string("operator"), value, t));
      }
      default -> throw new IllegalArgumentException("not a metric condition: " + type);
    };
  }

  /**
   * Applies a comparison operator.
   *
   * @param operator gt, gte, lt, lte or eq
   * @param value the left side
   * @param threshold the right side
   * @return the result
   */
  public static boolean compare(String operator, double value, double threshold) {
    return switch (operator) {
      case "gt" -> value > threshold;
      case "gte" -> value >= threshold;
      case "lt" -> value < threshold;
      case "lte" -> value <= threshold;
      case "eq" -> Math.abs(value - threshold) < 1e-9;
      default -> throw new IllegalArgumentException("operator " + operator);
    };
  }

  /**
   * Reads a numeric value at a dot path of a JSON object.
   *
   * @param object e.g. an event's metadata
   * @param path e.g. {@code quality.score}
   * @return the number, or {@code null} when absent or not a number
   */
  public static Double at(JsonObject object, String path) {
    Object cur = object;
    for (String key : path.split("\\.")) {
      if (!(cur instanceof JsonObject o)) {
        return null;
      }
      cur = o.get(key);
    }
    return cur instanceof JsonNumber n ? n.doubleValue() : null;
  }

  static double num(JsonObject config, String key) {
    return ((Number) config.get(key)).doubleValue();
  }
}
