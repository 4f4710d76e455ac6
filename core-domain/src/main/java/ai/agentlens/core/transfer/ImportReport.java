package ai.agentlens.core.transfer;

import java.util.List;

/**
 * What an import did.
 *
 * @param lines lines read (from {@code fromLine}, blank ones included)
 * @param imported events newly stored
 * @param duplicates events whose id the org already had: left unchanged
 * @param invalid lines skipped as invalid (reported in {@code errors}, up to its bound)
 * @param derived agent and session lines, not written: the event write path re-derives them
 * @param rechained events stored whose sequence or hash differs from the file's (their session
 *     already held other events in this org), reported in {@code errors}
 * @param errors the first {@link OrgImport#MAX_ERRORS} problems, by line
 * @param checksumVerified whether a checksum line was found and matched the lines before it
 * @param rateLimited whether the import stopped at the org's record rate limit
 * @param resumeFromLine with {@code rateLimited}: the first line not imported; send the same file
 *     again with {@code fromLine} set to it; otherwise 0
 * @param retryAfterSeconds with {@code rateLimited}: when to resume; otherwise 0
 * @param settingsImported whether a {@code settings} line was applied to the org
 * @param configImported configuration records (guardrail rules, budgets, alert and incident rules,
 *     agent settings) newly stored
 * @param configUnchanged configuration records the org already had: left unchanged
 */
public record ImportReport(
    long lines,
    long imported,
    long duplicates,
    long invalid,
    long derived,
    long rechained,
    List<LineError> errors,
    boolean checksumVerified,
    boolean rateLimited,
    long resumeFromLine,
    long retryAfterSeconds,
    boolean settingsImported,
    long configImported,
    long configUnchanged) {

  /** Copies the error list. */
  public ImportReport {
    errors = List.copyOf(errors);
  }

  /**
   * One problem.
   *
   * @param line the 1-based line number
   * @param error what is wrong with it
   */
  public record LineError(long line, String error) {}
}
