package ai.agentlens.core.incident;

import static ai.agentlens.core.incident.Requests.incident;
import static ai.agentlens.core.incident.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.incident.model.RootCause;
import ai.agentlens.core.incident.model.TriggerType;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.json.JsonReader;
import ai.agentlens.core.json.JsonWriter;
import ai.agentlens.core.port.llm.LanguageModel.Message;
import ai.agentlens.core.port.llm.LanguageModelException;
import ai.agentlens.core.port.llm.LlmRequest;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the model is sent (stored texts, cut) and how its answer is read (fences, junk, limits). */
class RcaPromptTest {

  @Test
  void theUserMessageIsOneJsonDocumentOfTheIncidentCountsAndRequests() {
    String big = "x".repeat(RcaPrompt.MAX_TEXT - 1) + "😀tail";
    LlmRequest r =
        new LlmRequest(
            "org-a",
            "r1",
            "c1",
            "bot",
            "s",
            "openai",
            "gpt-4o",
            big,
            "[masked sha256:ab12]",
            LlmRequestStatus.ERROR,
            "error",
            1200L,
            10,
            2,
            80,
            "risk-v1",
            List.of(new ai.agentlens.core.risk.RiskReason("prompt_injection", 0.9, "p")),
            "event",
            Requests.T,
            null);
    RootCause builtin = new RootCause("s", "c", List.of("Models: gpt-4o 1 requests."), List.of());
    List<Message> m =
        RcaPrompt.messages(
            incident(TriggerType.ERRORS, "errors", 2, List.of("r1")), List.of(r), builtin);
    assertThat(m).extracting(Message::role).containsExactly("system", "user");
    assertThat(m.get(0).content())
        .contains("never guess what a mask hides", "\"recommendedFixes\"");
    JsonObject doc = JsonReader.readObject(m.get(1).content());
    JsonObject i = doc.object("incident");
    assertThat(i.string("trigger")).isEqualTo("errors");
    assertThat(JsonWriter.write(i.object("details"))).isEqualTo("{\"value\":3}");
    assertThat(doc.array("counts").get(0)).isEqualTo("Models: gpt-4o 1 requests.");
    JsonObject sent = (JsonObject) doc.array("requests").get(0);
    assertThat(sent.string("response")).isEqualTo("[masked sha256:ab12]");
    assertThat(sent.string("status")).isEqualTo("error");
    assertThat(sent.array("riskReasons").get(0)).isEqualTo("prompt_injection");
    // cut before the emoji's surrogate pair rather than through it
    assertThat(sent.string("prompt")).isEqualTo("x".repeat(RcaPrompt.MAX_TEXT - 1) + "…");
  }

  @Test
  void anAnswerIsReadFromPlainJsonOrAMarkdownFence() {
    RootCause a =
        RcaPrompt.read(
            "Here you go:\n```json\n{\"summary\":\" Provider outage \",\"likelyCause\":\"503s\","
                + "\"evidence\":[\"r1 failed\",7,\"\",\"r2 failed\"],\"recommendedFixes\":\"retry\"}\n```");
    assertThat(a.summary()).isEqualTo("Provider outage");
    assertThat(a.likelyCause()).isEqualTo("503s");
    assertThat(a.evidence()).containsExactly("r1 failed", "r2 failed");
    assertThat(a.recommendedFixes()).containsExactly("retry");
  }

  @Test
  void longAnswersAreCutToTheLimits() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      items.append(i == 0 ? "" : ",").append("\"e").append(i).append('"');
    }
    RootCause a =
        RcaPrompt.read(
            "{\"summary\":\""
                + "s".repeat(5000)
                + "\",\"likelyCause\":\"c\",\"evidence\":["
                + items
                + "]}");
    assertThat(a.summary()).hasSize(RcaPrompt.MAX_FIELD + 1).endsWith("…");
    assertThat(a.evidence()).hasSize(RcaPrompt.MAX_ITEMS).startsWith("e0");
    assertThat(a.recommendedFixes()).isEmpty();
  }

  @Test
  void answersWithoutTheAnalysisAreModelFailures() {
    for (String bad :
        List.of(
            "I cannot help with that.",
            "{\"summary\":\"s\"",
            "{\"summary\":\"s\",\"likelyCause\":\"\"}",
            "{\"summary\":3,\"likelyCause\":\"c\"}",
            "} nothing {")) {
      assertThatThrownBy(() -> RcaPrompt.read(bad))
          .as(bad)
          .isInstanceOf(LanguageModelException.class)
          .hasMessageContaining("instead of the analysis");
    }
  }

  @Test
  void requestsWithoutOptionalFieldsAreSentWithNulls() {
    LlmRequest pending = request("r9", null, LlmRequestStatus.PENDING, null, null, null, 0, 0, 1);
    String user =
        RcaPrompt.messages(
                incident(TriggerType.RISK, "r", 1, List.of()),
                List.of(pending),
                new RootCause("s", "c", List.of(), List.of()))
            .get(1)
            .content();
    JsonObject sent = (JsonObject) JsonReader.readObject(user).array("requests").get(0);
    assertThat(sent.get("latencyMs")).isNull();
    assertThat(sent.get("riskScore")).isNull();
    assertThat(sent.string("status")).isEqualTo("pending");
  }
}
