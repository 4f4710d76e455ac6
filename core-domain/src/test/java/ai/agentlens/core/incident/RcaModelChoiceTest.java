package ai.agentlens.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which model analyses incidents, from the settings; the key never printed. */
class RcaModelChoiceTest {

  @Test
  void builtinUnlessOpenaiIsChosen() {
    assertThat(RcaModelChoice.decide(null, "http://x", "m", "k", "k2").model()).isFalse();
    assertThat(RcaModelChoice.decide(" BuiltIn ", null, null, null, null).model()).isFalse();
    assertThat(RcaModelChoice.decide(null, null, null, null, null))
        .hasToString("RcaModelChoice[builtin]");
  }

  @Test
  void openaiTakesDefaultsAndFallsBackToOpenAiApiKey() {
    RcaModelChoice c = RcaModelChoice.decide("openai", " ", null, null, "sk-from-openai-env");
    assertThat(c.model()).isTrue();
    assertThat(c.baseUrl()).isEqualTo("https://api.openai.com");
    assertThat(c.name()).isEqualTo("gpt-4o-mini");
    assertThat(c.apiKey()).isEqualTo("sk-from-openai-env");
    assertThat(c.toString()).doesNotContain("sk-from").contains("apiKey=***");
    RcaModelChoice local =
        RcaModelChoice.decide("OpenAI", "http://127.0.0.1:11434/v1", "llama3", "own", "other");
    assertThat(local.apiKey()).isEqualTo("own");
    assertThat(local.name()).isEqualTo("llama3");
    assertThat(RcaModelChoice.decide("openai", null, null, null, null).toString())
        .contains("apiKey=none");
  }

  @Test
  void anUnknownProviderIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> RcaModelChoice.decide("anthropic", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AGENTLENS_RCA_PROVIDER must be builtin or openai, not 'anthropic'");
  }
}
