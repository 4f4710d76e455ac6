package ai.agentlens.core.account;

import ai.agentlens.core.account.model.ActorType;
import ai.agentlens.core.account.model.AuditEntry;
import ai.agentlens.core.account.model.AuditResult;
import ai.agentlens.core.account.model.Caller;
import ai.agentlens.core.account.model.Membership;
import java.util.Map;
import java.util.StringJoiner;

/** Appends audit entries (PC-14, PC-15, FR-51) with ids and timestamps from the ports. */
public final class AuditTrail {

  private final AccountPorts ports;

  /**
   * Creates the trail.
   *
   * @param ports the ports
   */
  public AuditTrail(AccountPorts ports) {
    this.ports = ports;
  }

  /**
   * Appends one entry by a user (or the system when the caller is anonymous).
   *
   * @param orgId the org whose log gets the entry
   * @param caller who acted
   * @param action e.g. {@code api_key.create}
   * @param targetType kind of target, or {@code null}
   * @param targetId target id, or {@code null}
   * @param result success or failure
   * @param details extra facts (string values), may be empty
   */
  public void user(
      String orgId,
      Caller caller,
      String action,
      String targetType,
      String targetId,
      AuditResult result,
      Map<String, String> details) {
    ActorType type = caller.userId() == null ? ActorType.SYSTEM : ActorType.USER;
    String actor = caller.userId() == null ? "anonymous" : caller.userId();
    append(orgId, type, actor, action, targetType, targetId, caller.ip(), result, details);
  }

  /**
   * Appends the same entry to every org the user belongs to (sign-in events are not tied to one
   * org, but each org's Owner should see its members' sign-ins).
   *
   * @param caller who acted; its user id names the user
   * @param action e.g. {@code auth.login}
   * @param result success or failure
   * @param details extra facts
   */
  public void inEveryOrgOf(
      Caller caller, String action, AuditResult result, Map<String, String> details) {
    for (Membership m : ports.stores().memberships().listByUser(caller.userId())) {
      user(m.orgId(), caller, action, "user", caller.userId(), result, details);
    }
  }

  /**
   * Appends one entry.
   *
   * @param orgId the org
   * @param actorType actor kind
   * @param actorId user id or key prefix
   * @param action the action
   * @param targetType target kind, or {@code null}
   * @param targetId target id, or {@code null}
   * @param ip client address, or {@code null}
   * @param result success or failure
   * @param details extra facts
   */
  public void append(
      String orgId,
      ActorType actorType,
      String actorId,
      String action,
      String targetType,
      String targetId,
      String ip,
      AuditResult result,
      Map<String, String> details) {
    ports
        .stores()
        .audit()
        .append(
            new AuditEntry(
                ports.ids().get(),
                orgId,
                ports.clock().now(),
                actorType,
                actorId,
                action,
                targetType,
                targetId,
                ip,
                result,
                json(details)));
  }

  static String json(Map<String, String> details) {
    StringJoiner j = new StringJoiner(",", "{", "}");
    details.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> j.add(quote(e.getKey()) + ":" + quote(e.getValue())));
    return j.toString();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
