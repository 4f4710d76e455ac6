package ai.agentlens.app.cloud;

import ai.agentlens.core.memory.EmbeddingChoice;
import ai.agentlens.core.memory.EmbeddingModels;
import ai.agentlens.embedding.onnx.OnnxEmbeddingModel;
import ai.agentlens.embedding.openai.OpenAiEmbeddingModel;
import ai.agentlens.embedding.openai.OpenAiEmbeddingSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which embedding model this server runs (docs/memory.md, "Embeddings"): {@link EmbeddingChoice}
 * decides from {@code AGENTLENS_EMBEDDING_PROVIDER} (default {@code onnx}, the in-process model),
 * {@code DISABLE_EMBEDDINGS}, {@code AGENTLENS_EMBEDDING_BASE_URL}, {@code _MODEL}, {@code
 * _API_KEY} (else {@code OPENAI_API_KEY}), {@code _TIMEOUT} (30s) and {@code _DIMENSION} (the
 * model's known one). The in-process model loads on first use, or at start on a background thread
 * with {@code AGENTLENS_EMBEDDING_PRELOAD=true}.
 */
@Factory
@Requires(env = CloudMain.ENVIRONMENT)
class CloudEmbeddings {

  private static final Logger LOG = LoggerFactory.getLogger(CloudEmbeddings.class);

  @Singleton
  EmbeddingModels embeddingModels(
      @Nullable @Value("${agentlens.embedding.provider:}") String provider,
      @Nullable @Value("${disable.embeddings:}") String disable,
      @Nullable @Value("${agentlens.embedding.base-url:}") String baseUrl,
      @Nullable @Value("${agentlens.embedding.model:}") String model,
      @Nullable @Value("${agentlens.embedding.api-key:}") String apiKey,
      @Nullable @Value("${openai.api.key:}") String openAiApiKey,
      @Value("${agentlens.embedding.timeout:30s}") Duration timeout,
      @Value("${agentlens.embedding.dimension:0}") int dimension,
      @Value("${agentlens.embedding.preload:false}") boolean preload) {
    EmbeddingChoice choice =
        EmbeddingChoice.decide(provider, disable, baseUrl, model, apiKey, openAiApiKey);
    LOG.info("embeddings: {}", choice);
    return switch (choice.provider()) {
      case NONE -> EmbeddingModels.none();
      case ONNX -> {
        if (preload) {
          OnnxEmbeddingModel.preloadInBackground();
        }
        yield EmbeddingModels.of(new OnnxEmbeddingModel());
      }
      case OPENAI ->
          EmbeddingModels.of(
              new OpenAiEmbeddingModel(
                  new OpenAiEmbeddingSettings(
                      URI.create(choice.baseUrl()),
                      choice.model(),
                      choice.apiKey(),
                      timeout,
                      dimension > 0
                          ? dimension
                          : OpenAiEmbeddingSettings.knownDimension(choice.model()))));
    };
  }
}
