package ai.agentlens.web.llm;

import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.llm.LlmRequestInput;
import ai.agentlens.web.error.BadRequestException;
import ai.agentlens.web.error.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /api/llm/requests}, collecting every bad field so one {@code 400}
 * names them all.
 */
final class LlmRequestBody {

  /** Longest prompt or response (characters). */
  static final int MAX_TEXT = 1_000_000;

  private static final int MAX_NAME = 200;

  private final List<Problem> problems = new ArrayList<>();

  private LlmRequestBody() {}

  static LlmRequestInput parse(String body) {
    JsonObject in = object(body);
    LlmRequestBody b = new LlmRequestBody();
    String prompt = b.text(in, "prompt", MAX_TEXT, true, true);
    String response = b.text(in, "response", MAX_TEXT, true, true);
    String model = b.text(in, "model", MAX_NAME, true, false);
    String provider = b.text(in, "provider", MAX_NAME, false, false);
    String agentId = b.text(in, "agentId", MAX_NAME, false, false);
    String sessionId = b.text(in, "sessionId", MAX_NAME, false, false);
    Long latency = b.whole(in, "latencyMs", true, Integer.MAX_VALUE);
    Integer input = null;
    Integer output = null;
    Object tokens = in.get("tokens");
    if (tokens instanceof JsonObject t) {
      input = toInt(b.whole(t, "input", "tokens.input", false));
      output = toInt(b.whole(t, "output", "tokens.output", false));
    } else if (tokens != null) {
      b.problems.add(new Problem("tokens", "must be an object {input, output}"));
    }
    String status = b.text(in, "status", 20, false, false);
    if (status != null && !status.equals("success") && !status.equals("error")) {
      b.problems.add(new Problem("status", "must be success or error"));
    }
    if (!b.problems.isEmpty()) {
      throw new BadRequestException("Validation failed", b.problems);
    }
    return new LlmRequestInput(
        prompt,
        response,
        model,
        provider,
        latency,
        input,
        output,
        agentId,
        sessionId,
        "error".equals(status));
  }

  private static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException("Invalid JSON body", List.of());
    }
    try {
      if (JsonReader.read(body) instanceof JsonObject o) {
        return o;
      }
    } catch (IllegalArgumentException e) {
      // why: syntax errors and over-deep input are both IllegalArgumentExceptions
      throw new BadRequestException("Invalid JSON body", List.of());
    }
    throw new BadRequestException(
        "Validation failed", List.of(new Problem("body", "must be a JSON object")));
  }

  private String text(JsonObject in, String key, int max, boolean required, boolean blankOk) {
    Object v = in.get(key);
    if (v == null) {
      if (required) {
        problems.add(new Problem(key, "is required"));
      }
      return null;
    }
    if (!(v instanceof String s)) {
      problems.add(new Problem(key, "must be text"));
      return null;
    }
    if (!blankOk && s.isBlank()) {
      problems.add(new Problem(key, "must not be blank"));
      return null;
    }
    if (s.length() > max) {
      problems.add(new Problem(key, "must be at most " + max + " characters"));
      return null;
    }
    return blankOk ? s : s.strip();
  }

  private Long whole(JsonObject in, String key, boolean required, long max) {
    return whole(in, key, key, required, max);
  }

  private Long whole(JsonObject in, String key, String path, boolean required) {
    return whole(in, key, path, required, Integer.MAX_VALUE);
  }

  private Long whole(JsonObject in, String key, String path, boolean required, long max) {
    Object v = in.get(key);
    if (v == null) {
      if (required) {
        problems.add(new Problem(path, "is required"));
      }
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral() && n.signum() >= 0 && n.doubleValue() <= max) {
      return n.longValue();
    }
    problems.add(new Problem(path, "must be a whole number from 0 to " + max));
    return null;
  }

  private static Integer toInt(Long n) {
    return n == null ? null : n.intValue();
  }
}
