package ai.agentlens.web.dashboard.view;

import java.util.List;

/**
 * The org's data page: retention and the purge, export, import with its report, and the way to hand
 * the org over or delete it.
 *
 * @param layout the frame
 * @param canMove whether the role may export and import (Owner, Admin)
 * @param isOwner whether the caller owns the org (transfer, delete)
 * @param retentionDays the org's retention setting
 * @param planCapDays the plan's longest retention
 * @param keptDays the days actually kept, or empty when kept forever
 * @param cutoff the instant before which events are purged now, or empty
 * @param lastRun the last purge this server ran, or empty
 * @param nextRun when this server runs the purge next, or empty when it is off
 * @param report the import just done, or {@code null}
 */
public record DataPage(
    Layout layout,
    boolean canMove,
    boolean isOwner,
    int retentionDays,
    int planCapDays,
    String keptDays,
    String cutoff,
    String lastRun,
    String nextRun,
    ImportResult report) {

  /**
   * An import's result as shown.
   *
   * @param lines lines read
   * @param imported events stored
   * @param duplicates events already there
   * @param invalid lines skipped
   * @param rechained events stored at another place in their chain
   * @param checksumVerified whether the checksum line matched
   * @param rateLimited whether the import stopped at the rate limit
   * @param resumeFromLine where to resume when rate-limited
   * @param errors the first line errors
   */
  public record ImportResult(
      long lines,
      long imported,
      long duplicates,
      long invalid,
      long rechained,
      boolean checksumVerified,
      boolean rateLimited,
      long resumeFromLine,
      List<LineError> errors) {}

  /**
   * One skipped line.
   *
   * @param line its number
   * @param error why
   */
  public record LineError(long line, String error) {}
}
