package ai.agentlens.web.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Payloads over 10 KiB are not rejected but replaced, before hashing, by the reference's stub
 * (§1.6): {@code {"type":"_truncated","data":{"_truncated":true,"originalSize":n,"maxSize":10240,
 * "preview":"<first 200 chars>..."}}}.
 */
final class PayloadTruncation {

  /** Largest payload kept as sent, in UTF-8 bytes of its compact JSON. */
  static final int MAX_PAYLOAD_BYTES = 10_240;

  private static final int PREVIEW_CHARS = 200;

  private PayloadTruncation() {}

  static String apply(String payloadJson) {
    int size = payloadJson.getBytes(StandardCharsets.UTF_8).length;
    if (size <= MAX_PAYLOAD_BYTES) {
      return payloadJson;
    }
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("_truncated", true);
    data.put("originalSize", size);
    data.put("maxSize", MAX_PAYLOAD_BYTES);
    data.put(
        "preview", payloadJson.substring(0, Math.min(PREVIEW_CHARS, payloadJson.length())) + "...");
    ObjectNode stub = JsonNodeFactory.instance.objectNode();
    stub.put("type", "_truncated");
    stub.set("data", data);
    return IngestRequestParser.write(stub);
  }
}
