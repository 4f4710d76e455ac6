package ai.agentlens.web.mcp;

import ai.agentlens.core.apikey.ApiKeyPrincipal;
import ai.agentlens.core.benchmark.Benchmarks;
import ai.agentlens.core.feature.FeatureGate;
import ai.agentlens.core.guardrail.Guardrails;
import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.ingest.AcceptEvents;
import ai.agentlens.core.ingest.validation.IngestRequestParser;
import ai.agentlens.core.optimize.CostRecommendations;
import ai.agentlens.core.plan.Feature;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.alerting.AlertHistory;
import ai.agentlens.core.port.alerting.AlertRuleStore;
import ai.agentlens.core.read.EventReads;
import ai.agentlens.core.read.LlmReports;
import ai.agentlens.core.read.SessionReads;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.core.replay.SessionReplay;
import ai.agentlens.web.health.BuildInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the MCP server: the SDK's stateless sync server on {@link McpTransport}, with the writing
 * and reading tools of the features this server has, replay and benchmarks included (recall,
 * reflect and context appear when those features exist); {@code agentlens_analytics} is listed only
 * to orgs with the {@code analytics} feature, as {@code /api/analytics/**} answers only them.
 */
@Factory
public class McpBeans {

  @Singleton
  McpJsonMapper mcpJsonMapper() {
    return new JacksonMcpJsonMapper(new ObjectMapper());
  }

  @Singleton
  @Bean(preDestroy = "close")
  McpStatelessSyncServer mcpServer(
      McpTransport transport,
      McpJsonMapper json,
      BuildInfo build,
      IngestRequestParser parser,
      AcceptEvents accept,
      Clock clock,
      EventReads events,
      SessionReads sessions,
      SessionTimeline timelines,
      AgentHealth health,
      CostRecommendations optimize,
      Guardrails guardrails,
      AlertRuleStore alertRules,
      AlertHistory alertHistory,
      LlmReports llm,
      FeatureGate features,
      SessionReplay replays,
      Benchmarks benchmarks,
      ai.agentlens.core.memory.reflect.Reflect reflect,
      ai.agentlens.core.memory.context.Context memoryContext) {
    List<SyncToolSpecification> tools = new ArrayList<>();
    tools.addAll(new McpIngestTools(parser, accept, clock).specs(json));
    tools.addAll(
        new McpReadTools(
                new McpReadTools.Services(
                    events,
                    sessions,
                    timelines,
                    health,
                    optimize,
                    guardrails,
                    alertRules,
                    alertHistory,
                    llm,
                    features,
                    clock))
            .specs(json));
    tools.addAll(new McpReplayBenchmarkTools(replays, benchmarks).specs(json));
    tools.addAll(new McpMemoryTools(reflect, memoryContext).specs(json));
    return McpServer.sync(transport)
        .serverInfo("agentlens", build.version())
        .jsonMapper(json)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(tools)
        // why: a tool of a feature the caller's org does not have is not listed (and refuses calls)
        .addToolFilter(
            (context, tool) ->
                !McpReadTools.ANALYTICS_TOOL.equals(tool.name())
                    || features.enabled(
                        ((ApiKeyPrincipal) context.get(McpTools.KEY)).orgId(), Feature.ANALYTICS))
        .build();
  }
}
