package ai.agentlens.core.otlp;

import ai.agentlens.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code parameters} of an {@code llm_call} from the request attributes ({@code
 * gen_ai.request.*}, the deprecated {@code gen_ai.openai.request.*}) and OpenInference's {@code
 * llm.invocation_parameters} JSON, whose members come first and are overridden by explicit
 * attributes.
 */
final class Parameters {

  private Parameters() {}

  private static final String[][] NAMES = {
    {"temperature", "gen_ai.request.temperature"},
    {"maxTokens", "gen_ai.request.max_tokens"},
    {"topP", "gen_ai.request.top_p"},
    {"topK", "gen_ai.request.top_k"},
    {"stopSequences", "gen_ai.request.stop_sequences"},
    {"seed", "gen_ai.request.seed", "gen_ai.openai.request.seed"},
    {"frequencyPenalty", "gen_ai.request.frequency_penalty"},
    {"presencePenalty", "gen_ai.request.presence_penalty"},
    {"choiceCount", "gen_ai.request.choice.count"},
    {"outputType", "gen_ai.output.type", "gen_ai.openai.request.response_format"},
  };

  static JsonObject read(SpanAttributes a) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (Messages.json(a.take("llm.invocation_parameters")) instanceof JsonObject invocation) {
      out.putAll(invocation);
    }
    for (String[] row : NAMES) {
      String[] sources = new String[row.length - 1];
      System.arraycopy(row, 1, sources, 0, sources.length);
      Object value = a.take(sources);
      if (value != null) {
        out.put(row[0], value);
      }
    }
    return JsonObject.of(out);
  }
}
