package ai.agentlens.storage.spi.jdbc;

import ai.agentlens.core.event.Fields;

/** How stores treat the org argument every tenant-scoped method takes. */
final class Tenancy {

  private Tenancy() {}

  /**
   * Tells whether no org is given; {@link Transactor#readOrg} then returns nothing (FR-40 c).
   *
   * @param orgId the org argument
   * @return {@code true} when it is {@code null} or blank
   */
  static boolean none(String orgId) {
    return orgId == null || orgId.isBlank();
  }

  /**
   * Checks the org argument of a write.
   *
   * @param orgId the org argument
   * @return it
   * @throws ai.agentlens.core.error.InvalidInputException when missing or malformed
   */
  static String require(String orgId) {
    return Fields.required("orgId", orgId, Fields.MAX_ID);
  }
}
