package ai.agentlens.core.account.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.account.model.Role;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The matrix of PRD §8 (FR-48), typed in from the PRD, against {@link Permissions}. */
class PermissionsTest {

  // Owner, Admin, Member, Viewer — exactly as the PRD table reads (plus READ_AUDIT from PC-17)
  static Stream<Arguments> prd() {
    return Stream.of(
        Arguments.of(Permission.VIEW_DATA, new boolean[] {true, true, true, true}),
        Arguments.of(Permission.WRITE_DATA, new boolean[] {true, true, true, false}),
        Arguments.of(Permission.MANAGE_KEYS, new boolean[] {true, true, false, false}),
        Arguments.of(Permission.MANAGE_MEMBERS, new boolean[] {true, true, false, false}),
        Arguments.of(Permission.MANAGE_BILLING, new boolean[] {true, false, false, false}),
        Arguments.of(Permission.MANAGE_SETTINGS, new boolean[] {true, true, false, false}),
        Arguments.of(Permission.DELETE_ORG, new boolean[] {true, false, false, false}),
        Arguments.of(Permission.TRANSFER_OWNERSHIP, new boolean[] {true, false, false, false}),
        Arguments.of(Permission.READ_AUDIT, new boolean[] {true, true, false, false}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prd")
  void everyCellMatchesThePrd(Permission p, boolean[] expected) {
    Role[] roles = {Role.OWNER, Role.ADMIN, Role.MEMBER, Role.VIEWER};
    for (int i = 0; i < roles.length; i++) {
      assertThat(Permissions.allows(roles[i], p)).as(p + " for " + roles[i]).isEqualTo(expected[i]);
    }
  }

  @org.junit.jupiter.api.Test
  void everyPermissionHasARow() {
    assertThat(prd().count()).isEqualTo(Permission.values().length);
  }
}
