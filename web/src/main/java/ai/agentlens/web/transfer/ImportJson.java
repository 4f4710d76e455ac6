package ai.agentlens.web.transfer;

import ai.agentlens.core.transfer.ImportReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The import report as JSON.
 *
 * @param lines lines read
 * @param imported events stored
 * @param duplicates events already present, unchanged
 * @param invalid invalid lines skipped
 * @param derived agent and session lines (re-derived from events, not written)
 * @param rechained events stored with a sequence or hash other than the file's
 * @param errors the first problems, by line
 * @param checksumVerified whether the checksum line matched
 * @param rateLimited whether the import stopped at the rate limit
 * @param resumeFromLine the line to send as {@code fromLine} to resume, or {@code null}
 * @param error with {@code rateLimited}: the error text of the 429 envelope
 * @param status with {@code rateLimited}: 429
 * @param settingsImported whether the file's org settings were applied
 * @param configImported configuration records (guardrail rules, budgets, alert and incident rules,
 *     agent settings) stored
 * @param configUnchanged configuration records the org already had, unchanged
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJson(
    long lines,
    long imported,
    long duplicates,
    long invalid,
    long derived,
    long rechained,
    List<LineErrorJson> errors,
    boolean checksumVerified,
    boolean rateLimited,
    Long resumeFromLine,
    String error,
    Integer status,
    boolean settingsImported,
    long configImported,
    long configUnchanged) {

  /**
   * One skipped or changed line.
   *
   * @param line 1-based line number
   * @param error what is wrong
   */
  @Serdeable
  public record LineErrorJson(long line, String error) {}

  static ImportJson of(ImportReport r) {
    return new ImportJson(
        r.lines(),
        r.imported(),
        r.duplicates(),
        r.invalid(),
        r.derived(),
        r.rechained(),
        r.errors().stream().map(e -> new LineErrorJson(e.line(), e.error())).toList(),
        r.checksumVerified(),
        r.rateLimited(),
        r.rateLimited() ? r.resumeFromLine() : null,
        r.rateLimited()
            ? "Import rate limit reached: resume from line " + r.resumeFromLine()
            : null,
        r.rateLimited() ? 429 : null,
        r.settingsImported(),
        r.configImported(),
        r.configUnchanged());
  }
}
