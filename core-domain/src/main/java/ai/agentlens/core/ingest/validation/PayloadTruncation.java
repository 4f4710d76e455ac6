package ai.agentlens.core.ingest.validation;

import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payloads over 10 KiB are not rejected but replaced, before hashing, by the reference's stub
 * (§1.6): {@code {"type":"_truncated","data":{"_truncated":true,"originalSize":n,"maxSize":10240,
 * "preview":"<first 200 chars>..."}}}.
 */
public final class PayloadTruncation {

  /** Largest payload kept as sent, in UTF-8 bytes of its compact JSON. */
  public static final int MAX_PAYLOAD_BYTES = 10_240;

  private static final int PREVIEW_CHARS = 200;

  private PayloadTruncation() {}

  /**
   * Returns the payload, or its stub when it is too large.
   *
   * @param payload the payload as the gateway wrote it
   * @return {@code payload}, or the stub
   */
  public static JsonDoc apply(JsonDoc payload) {
    String text = payload.text();
    // why: a UTF-16 unit is at most 3 UTF-8 bytes, so short texts need no counting
    if (text.length() * 3 <= MAX_PAYLOAD_BYTES || payload.utf8Length() <= MAX_PAYLOAD_BYTES) {
      return payload;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("_truncated", true);
    data.put("originalSize", JsonNumber.of(payload.utf8Length()));
    data.put("maxSize", JsonNumber.of(MAX_PAYLOAD_BYTES));
    data.put("preview", text.substring(0, Math.min(PREVIEW_CHARS, text.length())) + "...");
    Map<String, Object> stub = new LinkedHashMap<>();
    stub.put("type", "_truncated");
    stub.put("data", JsonObject.of(data));
    return JsonDoc.of(JsonObject.of(stub));
  }
}
