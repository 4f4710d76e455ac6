package ai.agentlens.web.wiring;

import ai.agentlens.core.health.AgentHealth;
import ai.agentlens.core.health.HealthWeights;
import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.alerting.AlertingStores;
import ai.agentlens.core.port.storage.AgentStore;
import ai.agentlens.core.port.storage.EventStore;
import ai.agentlens.core.port.storage.SessionStore;
import ai.agentlens.core.port.storage.Stores;
import ai.agentlens.core.read.EventReads;
import ai.agentlens.core.read.LlmReports;
import ai.agentlens.core.read.SessionReads;
import ai.agentlens.core.read.SessionTimeline;
import ai.agentlens.core.read.TenantAnalytics;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Builds the read use cases the JSON API and the dashboard share, so both show the same sessions,
 * events, timelines (with one chain verification) and reports.
 */
@Factory
public class ReadBeans {

  @Singleton
  SessionTimeline sessionTimeline(
      EventStore events,
      @io.micronaut.core.annotation.Nullable ai.agentlens.core.port.storage.RetentionPurge purge) {
    if (purge == null) {
      return new SessionTimeline(events);
    }
    // why: a session partly purged by retention is verified from its first kept event
    return new SessionTimeline(events, SessionTimeline.DEFAULT_CHUNK, purge::purgePoint);
  }

  @Singleton
  ai.agentlens.core.replay.SessionReplay sessionReplay(
      SessionReads sessions, SessionTimeline timelines) {
    return new ai.agentlens.core.replay.SessionReplay(sessions, timelines);
  }

  @Singleton
  EventReads eventReads(EventStore events) {
    return new EventReads(events);
  }

  @Singleton
  SessionReads sessionReads(SessionStore sessions, AgentStore agents, Clock clock) {
    return new SessionReads(sessions, agents, clock);
  }

  @Singleton
  LlmReports llmReports(EventStore events) {
    return new LlmReports(events);
  }

  @Singleton
  AgentHealth agentHealth(AlertingStores alerting, AgentStore agents, Clock clock) {
    return new AgentHealth(alerting.healthAggregates(), agents, clock, HealthWeights.DEFAULT);
  }

  @Singleton
  TenantAnalytics tenantAnalytics(Stores stores, AgentStore agents, Clock clock) {
    // why: the roll-ups are read from Stores directly, so no second AnalyticsRollups bean is needed
    return new TenantAnalytics(stores.rollups(), agents, clock);
  }
}
