package ai.agentlens.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.event.Severity;
import ai.agentlens.core.json.JsonDoc;
import ai.agentlens.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Enrichment works on the events' trees and copies on write. */
class EventEnrichmentTest {

  private static final OrgSettings PLAIN = OrgSettings.defaults(30);
  private static final OrgSettings MASKING = new OrgSettings(30, List.of(), true);

  private static Event event(EventType type, String payload, String metadata) {
    return Event.unwritten(
        "e1",
        "org",
        "s",
        "a",
        type,
        Severity.INFO,
        Instant.parse("2026-01-01T00:00:00Z"),
        payload,
        metadata);
  }

  @Test
  void eventsThatNeedNothingAreNotEvenParsed() {
    Event e = event(EventType.TOOL_CALL, "{\"toolName\":\"t\"}", "{}");
    assertThat(EventEnrichment.apply(e, PLAIN, RedactionRules.NONE)).isSameAs(e);
    assertThat(e.payload().isParsed()).isFalse();
  }

  @Test
  void aServerCostChangesOnlyPayloadAndMetadataAndKeepsTheSharedTree() {
    Event e =
        event(
            EventType.LLM_RESPONSE,
            "{\"model\":\"gpt-4o\",\"usage\":{\"inputTokens\":1000,\"outputTokens\":1e3},"
                + "\"latencyMs\":1.50}",
            "{\"env\":\"x\"}");
    JsonObject before = e.payload().tree();
    Event out = EventEnrichment.apply(e, PLAIN, RedactionRules.NONE);
    assertThat(out.payload().text())
        .isEqualTo(
            "{\"model\":\"gpt-4o\",\"usage\":{\"inputTokens\":1000,\"outputTokens\":1e3},"
                + "\"latencyMs\":1.50,\"costUsd\":0.0125}");
    assertThat(out.metadata().text())
        .isEqualTo("{\"env\":\"x\",\"pricingVersion\":\"2026-11-01\"}");
    assertThat(out.payload().isParsed()).isTrue();
    assertThat(out.payload().tree().object("usage")).isSameAs(before.object("usage"));
    assertThat(e.payload().tree()).isSameAs(before).doesNotContainKey("costUsd");
  }

  @Test
  void aClientCostIsKeptAndNothingIsRewritten() {
    Event e = event(EventType.LLM_RESPONSE, "{\"model\":\"gpt-4o\",\"costUsd\":0.10}", "{\"m\":1}");
    assertThat(EventEnrichment.apply(e, PLAIN, RedactionRules.NONE)).isSameAs(e);
  }

  @Test
  void maskingReplacesPromptsAndCopiesOnlyWhatChanged() {
    Event e =
        event(
            EventType.LLM_CALL,
            "{\"systemPrompt\":\"sys\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"image\"},{\"type\":\"text\","
                + "\"text\":\"yo\"}]},\"not an object\"],\"parameters\":{\"t\":0.2}}",
            "{\"keep\":true}");
    JsonObject before = e.payload().tree();
    Event out = EventEnrichment.apply(e, MASKING, RedactionRules.NONE);
    JsonObject p = out.payload().tree();
    assertThat(p.string("systemPrompt")).isEqualTo(EventEnrichment.PromptMasking.masked("sys"));
    assertThat(((JsonObject) p.array("messages").get(0)).string("content"))
        .startsWith("[masked sha256:");
    JsonObject parts = (JsonObject) p.array("messages").get(1);
    assertThat(((JsonObject) parts.array("content").get(0)))
        .isSameAs(((JsonObject) before.array("messages").get(1)).array("content").get(0));
    assertThat(((JsonObject) parts.array("content").get(1)).string("text"))
        .isEqualTo(EventEnrichment.PromptMasking.masked("yo"));
    assertThat(p.array("messages").get(2)).isEqualTo("not an object");
    assertThat(p.object("parameters")).isSameAs(before.object("parameters"));
    assertThat(p.get("masked")).isEqualTo(true);
    assertThat(out.metadata()).isSameAs(e.metadata());
    assertThat(before.string("systemPrompt")).isEqualTo("sys");
  }

  @Test
  void redactionRewritesOnlyDocumentsWithAMatch() {
    RedactionRules rules = RedactionRules.compile(List.of("secret", "re:\\d{4}"));
    Event e =
        event(
            EventType.CUSTOM,
            "{\"type\":\"t\",\"data\":{\"note\":\"my SECRET pin 1234\",\"n\":[\"ok\",1]}}",
            "{\"env\":\"prod\"}");
    Event out = EventEnrichment.apply(e, PLAIN, rules);
    assertThat(out.payload().text())
        .isEqualTo(
            "{\"type\":\"t\",\"data\":{\"note\":\"my [REDACTED] pin [REDACTED]\",\"n\":[\"ok\",1]}}");
    assertThat(out.metadata()).isSameAs(e.metadata());
    Event clean = event(EventType.CUSTOM, "{\"type\":\"t\",\"data\":{}}", "{}");
    assertThat(EventEnrichment.apply(clean, PLAIN, rules)).isSameAs(clean);
  }

  @Test
  void aDocumentFromATreeIsNotWrittenAgainWhenUnchanged() {
    JsonDoc doc = JsonDoc.of("{\"type\":\"t\",\"data\":{}}");
    Event e =
        Event.unwritten(
            "e",
            "o",
            "s",
            "a",
            EventType.CUSTOM,
            Severity.INFO,
            Instant.EPOCH,
            doc,
            JsonDoc.EMPTY_OBJECT);
    Event out = EventEnrichment.apply(e, PLAIN, RedactionRules.compile(List.of("zzz")));
    assertThat(out).isSameAs(e);
  }
}
