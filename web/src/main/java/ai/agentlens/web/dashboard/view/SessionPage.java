package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * One session with its timeline (FR-83).
 *
 * @param layout the frame
 * @param id the session id
 * @param agent the agent's name or id
 * @param status the reported status
 * @param started when it started
 * @param duration how long it ran
 * @param facts summary numbers
 * @param tags the tags
 * @param items the timeline, in chain order
 * @param chainValid whether {@code HashChain.verify} accepted the chain
 * @param chainProblem why not, or {@code null}
 * @param truncated whether only the first events are shown
 * @param verifiedFrom the sequence verification starts at: 1, or the first kept event's when older
 *     events were purged by retention
 */
public record SessionPage(
    Layout layout,
    String id,
    String agent,
    String status,
    String started,
    String duration,
    List<TimelineItem.Fact> facts,
    List<String> tags,
    List<TimelineItem> items,
    boolean chainValid,
    String chainProblem,
    boolean truncated,
    long verifiedFrom) {}
