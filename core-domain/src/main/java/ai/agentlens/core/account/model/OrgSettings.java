package ai.agentlens.core.account.model;

import java.util.List;

/**
 * Per-org settings (FR-11).
 *
 * @param retentionDays how long events are kept, in days, &gt; 0
 * @param redactionRules patterns redacted from payloads before storage, in order
 * @param promptMasking whether prompt and completion texts are masked before storage
 */
public record OrgSettings(int retentionDays, List<String> redactionRules, boolean promptMasking) {

  /** Copies the rules so the record stays immutable. */
  public OrgSettings {
    redactionRules = List.copyOf(redactionRules);
  }

  /**
   * Returns the settings a new org starts with.
   *
   * @param retentionDays the tier's retention
   * @return settings with no redaction and no masking
   */
  public static OrgSettings defaults(int retentionDays) {
    return new OrgSettings(retentionDays, List.of(), false);
  }
}
