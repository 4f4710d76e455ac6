package ai.agentlens.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelProvidersTest {

  @ParameterizedTest
  @CsvSource({
    "gpt-4o-2024-08-06, openai",
    "GPT-4.1-mini, openai",
    "o1-mini, openai",
    "o3, openai",
    "text-embedding-3-small, openai",
    "claude-3-5-sonnet-20241022, anthropic",
    "anthropic.claude-3-haiku-20240307-v1:0, anthropic",
    "gemini-2.5-flash, google",
    "mixtral-8x7b, mistral",
    "mistral-large-latest, mistral",
    "command-r-plus, cohere",
    "llama3-70b, meta",
    "deepseek-chat, deepseek",
    "grok-2, xai",
    "qwen2.5-72b, alibaba",
    "openrouter/anthropic/claude-3, openrouter",
    "groq/llama3-8b, groq",
    "omni-moderation, unknown",
    "commander, unknown",
    "unknown, unknown",
    "my-finetune, unknown"
  })
  void infersTheProviderFromTheModelName(String model, String provider) {
    assertThat(ModelProviders.infer(model)).isEqualTo(provider);
  }

  @ParameterizedTest
  @CsvSource(
      value = {"NULL", "''", "'  '"},
      nullValues = "NULL")
  void noModelIsUnknown(String model) {
    assertThat(ModelProviders.infer(model)).isEqualTo("unknown");
  }
}
