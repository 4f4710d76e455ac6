package ai.agentlens.core.transfer;

import ai.agentlens.core.account.OrgDirectory;
import ai.agentlens.core.account.model.Org;
import ai.agentlens.core.account.model.OrgSettings;
import ai.agentlens.core.enrich.RedactionRules;
import ai.agentlens.core.error.InvalidInputException;
import ai.agentlens.core.json.JsonArray;
import ai.agentlens.core.json.JsonNumber;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.plan.Tiers;
import ai.agentlens.core.port.storage.OrgStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code settings} line of an export: the org's retention, redaction rules and prompt masking
 * (FR-11), written by {@link OrgExport} and restored by {@link OrgImport} into the importing org —
 * retention capped by that org's plan, redaction rules checked as the settings API checks them.
 */
final class SettingsLine {

  private SettingsLine() {}

  /**
   * Reads a settings line.
   *
   * @param o the line's object
   * @return the settings it carries
   * @throws InvalidInputException naming the field at fault
   */
  static OrgSettings read(JsonObject o) {
    if (!(o.get("retentionDays") instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1) {
      throw new InvalidInputException("settings: retentionDays must be a positive integer");
    }
    if (!(o.get("redactionRules") instanceof JsonArray rules)) {
      throw new InvalidInputException("settings: redactionRules must be an array of strings");
    }
    List<String> patterns = new ArrayList<>(rules.size());
    for (Object r : rules) {
      if (!(r instanceof String s)) {
        throw new InvalidInputException("settings: redactionRules must be an array of strings");
      }
      patterns.add(s);
    }
    if (!(o.get("promptMasking") instanceof Boolean masking)) {
      throw new InvalidInputException("settings: promptMasking must be true or false");
    }
    try {
      RedactionRules.compile(patterns);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("settings: redactionRules: " + e.getMessage(), e);
    }
    return new OrgSettings((int) Math.min(Integer.MAX_VALUE, n.longValue()), patterns, masking);
  }

  /**
   * Writes imported settings to an org, retention capped by its plan, and drops the cached copy so
   * the hot path uses them at once on this instance.
   *
   * @param orgs the org store
   * @param directory the cached org directory, or {@code null} when none is in use (the CLI)
   * @param orgId the importing org
   * @param s the settings read from the file
   * @throws InvalidInputException when the org does not exist
   */
  static void apply(OrgStore orgs, OrgDirectory directory, String orgId, OrgSettings s) {
    Org org =
        orgs.find(orgId).orElseThrow(() -> new InvalidInputException("settings: no such org"));
    int cap = Tiers.of(org.plan()).retentionDays();
    int days = cap > 0 ? Math.min(s.retentionDays(), cap) : s.retentionDays();
    orgs.updateSettings(orgId, new OrgSettings(days, s.redactionRules(), s.promptMasking()));
    if (directory != null) {
      directory.invalidate(orgId);
    }
  }
}
