package ai.agentlens.web.mcp;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.ingest.IngestRefusedException;
import ai.agentlens.core.ingest.validation.IngestValidationException;
import ai.agentlens.web.error.BadRequestException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * What every AgentLens MCP tool shares: the caller's API key from the transport context, a
 * JSON-text result, and refusals (bad arguments, unknown ids, refused ingest) as error results
 * ({@code isError:true} with the message), never as protocol errors or stack traces.
 */
final class McpTools {

  /** The transport context entry holding the request's {@link ApiKeyPrincipal}. */
  static final String KEY = "agentlens.apiKey";

  private McpTools() {}

  /** A tool's work: the caller's key and the arguments in, JSON text out. */
  interface Work {
    String run(ApiKeyPrincipal key, Args args);
  }

  /** A refusal answered as an error result. */
  static final class ToolError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Declares a tool.
   *
   * @param json the SDK's JSON mapper
   * @param name the tool name
   * @param description what it does, for the model
   * @param schema its input JSON schema
   * @param work what it does
   * @return the SDK's specification
   */
  static SyncToolSpecification tool(
      McpJsonMapper json, String name, String description, String schema, Work work) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(name)
            .description(description)
            .inputSchema(json, schema)
            .build();
    BiFunction<McpTransportContext, McpSchema.CallToolRequest, McpSchema.CallToolResult> call =
        (context, request) -> call(context, request, work);
    return new SyncToolSpecification(tool, call);
  }

  private static McpSchema.CallToolResult call(
      McpTransportContext context, McpSchema.CallToolRequest request, Work work) {
    ApiKeyPrincipal key = (ApiKeyPrincipal) context.get(KEY);
    if (key == null) {
      return error("Authentication required");
    }
    try {
      String text = work.run(key, new Args(request.arguments()));
      return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
    } catch (ToolError | IllegalArgumentException | IngestRefusedException e) {
      return error(e.getMessage());
    } catch (BadRequestException e) {
      return error(
          e.getMessage()
              + ": "
              + e.problems().stream()
                  .map(p -> p.path() + " " + p.message())
                  .collect(Collectors.joining("; ")));
    } catch (IngestValidationException e) {
      return error(
          e.getMessage()
              + ": "
              + e.problems().stream()
                  .map(p -> p.path() + " " + p.message())
                  .collect(Collectors.joining("; ")));
    }
  }

  private static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  /**
   * A JSON schema of an object with the given properties.
   *
   * @param required the required property names
   * @param properties {@code "name": {schema}} members, joined
   * @return the schema text
   */
  static String schema(List<String> required, String... properties) {
    return "{\"type\":\"object\",\"properties\":{"
        + String.join(",", properties)
        + "},\"required\":["
        + required.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","))
        + "]}";
  }

  /**
   * One schema property.
   *
   * @param name the name
   * @param type its JSON type
   * @param description what it means
   * @return {@code "name":{"type":…,"description":…}}
   */
  static String prop(String name, String type, String description) {
    return "\""
        + name
        + "\":{\"type\":\""
        + type
        + "\",\"description\":\""
        + description.replace("\"", "'")
        + "\"}";
  }

  /** The arguments of a call, read leniently: numbers may arrive as strings and vice versa. */
  static final class Args {
    private final Map<String, Object> values;

    Args(Map<String, Object> values) {
      this.values = values == null ? Map.of() : values;
    }

    Object raw(String name) {
      return values.get(name);
    }

    String text(String name) {
      Object v = values.get(name);
      return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    String required(String name) {
      String v = text(name);
      if (v == null) {
        throw new ToolError(name + " is required");
      }
      return v;
    }

    int integer(String name, int fallback, int min, int max) {
      Object v = values.get(name);
      if (v == null || v.toString().isBlank()) {
        return fallback;
      }
      try {
        double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
        if (d == Math.rint(d) && d >= min && d <= max) {
          return (int) d;
        }
      } catch (NumberFormatException e) {
        // why: reported below with the range, like any other bad value
      }
      throw new ToolError(name + " must be a whole number from " + min + " to " + max);
    }
  }
}
