package ai.agentlens.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.api.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** What every fuzzed reply must satisfy. */
final class FuzzChecks {

  private FuzzChecks() {}

  /**
   * Checks a reply: below 500; an error carries {@code {"error": text, "status": its status}}.
   *
   * @param reply the reply
   * @param body the body sent, for the failure message (cut to 300 characters)
   */
  static void check(Api.Reply reply, byte[] body) {
    String sent = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    assertThat(reply.status()).as("status for %s -> %s", sent, reply.raw()).isLessThan(500);
    if (reply.status() >= 400) {
      JsonNode json = reply.json();
      assertThat(json.isObject()).as("error body for %s: %s", sent, reply.raw()).isTrue();
      assertThat(json.path("error").isTextual()).as("error text in %s", reply.raw()).isTrue();
      assertThat(json.path("status").asInt())
          .as("status in %s", reply.raw())
          .isEqualTo(reply.status());
    }
  }
}
