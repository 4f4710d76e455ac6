package ai.agentlens.core.memory.reflect;

import ai.agentlens.core.port.Clock;
import ai.agentlens.core.port.memory.ReflectReads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reflect (reference §4.3.7): runs one deterministic analysis over an org's stored events in a time
 * range (default: the last {@value ReflectQuery#DEFAULT_DAYS} days). Cost and trends are aggregated
 * by the database; error patterns read at most {@value #MAX_ERRORS} newest error events and tool
 * sequences at most {@value #MAX_TOOL_STEPS} newest tool events, so memory stays bounded whatever
 * the volume.
 */
public final class Reflect {

  /** Newest error events error_patterns reads at most. */
  public static final int MAX_ERRORS = 10_000;

  /** Newest tool events tool_sequences reads at most. */
  public static final int MAX_TOOL_STEPS = 50_000;

  private final ReflectReads reads;
  private final Clock clock;

  /**
   * Wires the use case.
   *
   * @param reads the aggregated reads
   * @param clock the default range's end
   */
  public Reflect(ReflectReads reads, Clock clock) {
    this.reads = reads;
    this.clock = clock;
  }

  /**
   * Runs an analysis.
   *
   * @param q the query
   * @return the insights and what they cover
   */
  public ReflectResult run(ReflectQuery q) {
    Instant to = q.to() != null ? q.to() : clock.now();
    Instant from =
        q.from() != null ? q.from() : to.minus(Duration.ofDays(ReflectQuery.DEFAULT_DAYS));
    ReflectReads.Filter f = new ReflectReads.Filter(q.orgId(), q.agentId(), from, to);
    ReflectReads.Totals totals = reads.totals(f);
    List<Insight> insights =
        switch (q.analysis()) {
          case ERROR_PATTERNS -> ErrorPatterns.analyze(reads.errors(f, MAX_ERRORS), q.limit());
          case TOOL_SEQUENCES ->
              ToolSequences.analyze(reads.toolSteps(f, MAX_TOOL_STEPS), q.limit());
          case COST_ANALYSIS ->
              CostAnalysis.analyze(reads.costGroups(f), reads.topSessions(f, q.limit()), q.limit());
          case PERFORMANCE_TRENDS -> PerformanceTrends.analyze(reads.daily(f));
        };
    return new ReflectResult(q.analysis(), insights, totals.sessions(), totals.events(), from, to);
  }
}
