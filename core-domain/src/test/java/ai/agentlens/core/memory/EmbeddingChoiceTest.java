package ai.agentlens.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.agentlens.core.memory.EmbeddingChoice.Provider;
import org.junit.jupiter.api.Test;

/** The provider rules of the embedding settings. */
class EmbeddingChoiceTest {

  @Test
  void theDefaultIsTheInProcessModel() {
    assertThat(EmbeddingChoice.decide(null, null, null, null, null, null).provider())
        .isEqualTo(Provider.ONNX);
    assertThat(EmbeddingChoice.decide(" ", "", null, null, null, "sk-x").provider())
        .isEqualTo(Provider.ONNX);
  }

  @Test
  void disableEmbeddingsWinsUnlessFalse() {
    assertThat(EmbeddingChoice.decide("openai", "1", null, null, null, null).provider())
        .isEqualTo(Provider.NONE);
    assertThat(EmbeddingChoice.decide("onnx", "true", null, null, null, null).provider())
        .isEqualTo(Provider.NONE);
    assertThat(EmbeddingChoice.decide("onnx", "false", null, null, null, null).provider())
        .isEqualTo(Provider.ONNX);
    assertThat(EmbeddingChoice.decide("NONE", null, null, null, null, null).provider())
        .isEqualTo(Provider.NONE);
  }

  @Test
  void openAiTakesItsKeyFromTheEmbeddingKeyThenOpenAiApiKey() {
    EmbeddingChoice c = EmbeddingChoice.decide("openai", null, null, null, null, "sk-fallback");
    assertThat(c)
        .isEqualTo(
            new EmbeddingChoice(
                Provider.OPENAI,
                "https://api.openai.com",
                "text-embedding-3-small",
                "sk-fallback"));
    assertThat(c.toString()).doesNotContain("sk-fallback");
    EmbeddingChoice own =
        EmbeddingChoice.decide("openai", null, "http://local:8080", "nomic", "sk-own", "sk-other");
    assertThat(own)
        .isEqualTo(new EmbeddingChoice(Provider.OPENAI, "http://local:8080", "nomic", "sk-own"));
  }

  @Test
  void anUnknownProviderIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> EmbeddingChoice.decide("bert", null, null, null, null, null))
        .hasMessageContaining("AGENTLENS_EMBEDDING_PROVIDER");
  }
}
