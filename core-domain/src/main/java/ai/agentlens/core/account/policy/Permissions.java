package ai.agentlens.core.account.policy;

import ai.agentlens.core.account.model.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The RBAC matrix of PRD §8 (FR-48) as one table: action × role. Every management action is checked
 * against it; nothing else decides who may do what.
 */
public final class Permissions {

  private static final Role O = Role.OWNER;
  private static final Role A = Role.ADMIN;
  private static final Role M = Role.MEMBER;
  private static final Role V = Role.VIEWER;

  private static final Map<Permission, Set<Role>> MATRIX = new EnumMap<>(Permission.class);

  static {
    MATRIX.put(Permission.VIEW_DATA, EnumSet.of(O, A, M, V));
    MATRIX.put(Permission.WRITE_DATA, EnumSet.of(O, A, M));
    MATRIX.put(Permission.MANAGE_KEYS, EnumSet.of(O, A));
    MATRIX.put(Permission.MANAGE_MEMBERS, EnumSet.of(O, A));
    MATRIX.put(Permission.MANAGE_BILLING, EnumSet.of(O));
    MATRIX.put(Permission.MANAGE_SETTINGS, EnumSet.of(O, A));
    MATRIX.put(Permission.DELETE_ORG, EnumSet.of(O));
    MATRIX.put(Permission.TRANSFER_OWNERSHIP, EnumSet.of(O));
    MATRIX.put(Permission.READ_AUDIT, EnumSet.of(O, A));
  }

  private Permissions() {}

  /**
   * Tells whether a role may perform an action.
   *
   * @param role the member's role
   * @param permission the action
   * @return {@code true} when the matrix allows it
   */
  public static boolean allows(Role role, Permission permission) {
    return MATRIX.get(permission).contains(role);
  }

  /**
   * Returns the roles allowed an action.
   *
   * @param permission the action
   * @return an unmodifiable set
   */
  public static Set<Role> rolesFor(Permission permission) {
    return Collections.unmodifiableSet(MATRIX.get(permission));
  }
}
