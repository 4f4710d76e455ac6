package ai.agentlens.app.cloud;

import ai.agentlens.core.incident.RcaModel;
import ai.agentlens.core.incident.RcaModelChoice;
import ai.agentlens.llm.openai.OpenAiLanguageModel;
import ai.agentlens.llm.openai.OpenAiLanguageModelSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * Which model analyses incidents (docs/incidents.md, "Root-cause analysis"): {@link RcaModelChoice}
 * decides from {@code AGENTLENS_RCA_PROVIDER} (default {@code builtin}), {@code _BASE_URL}, {@code
 * _MODEL}, {@code _API_KEY} (else {@code OPENAI_API_KEY}) and {@code _TIMEOUT} (30s).
 */
@Factory
@Requires(env = CloudMain.ENVIRONMENT)
class CloudRcaModel {

  @Singleton
  RcaModel rcaModel(
      @Nullable @Value("${agentlens.rca.provider:}") String provider,
      @Nullable @Value("${agentlens.rca.base-url:}") String baseUrl,
      @Nullable @Value("${agentlens.rca.model:}") String model,
      @Nullable @Value("${agentlens.rca.api-key:}") String apiKey,
      @Nullable @Value("${openai.api.key:}") String openAiApiKey,
      @Value("${agentlens.rca.timeout:30s}") Duration timeout) {
    RcaModelChoice c = RcaModelChoice.decide(provider, baseUrl, model, apiKey, openAiApiKey);
    LoggerFactory.getLogger(CloudRcaModel.class).info("root-cause analysis: {}", c);
    return c.model()
        ? new RcaModel(
            new OpenAiLanguageModel(
                new OpenAiLanguageModelSettings(
                    URI.create(c.baseUrl()), c.name(), c.apiKey(), timeout)))
        : RcaModel.builtin();
  }
}
