package ai.agentlens.web.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The JSON request bodies of the management API; every field may be missing (checked later). */
final class Requests {

  private Requests() {}

  @Serdeable
  record SignUp(@Nullable String email, @Nullable String password, @Nullable String displayName) {}

  @Serdeable
  record Login(@Nullable String email, @Nullable String password) {}

  @Serdeable
  record Token(@Nullable String token) {}

  @Serdeable
  record Email(@Nullable String email) {}

  @Serdeable
  record NewPassword(@Nullable String token, @Nullable String password) {}

  @Serdeable
  record Profile(@Nullable String displayName, @Nullable String avatarUrl) {}

  @Serdeable
  record OrgRef(@Nullable String orgId) {}

  @Serdeable
  record NewOrg(@Nullable String name, @Nullable String slug) {}

  @Serdeable
  record Settings(
      @Nullable Integer retentionDays,
      @Nullable List<String> redactionRules,
      @Nullable Boolean promptMasking) {}

  @Serdeable
  record UserRef(@Nullable String userId) {}

  @Serdeable
  record RoleChange(@Nullable String role) {}

  @Serdeable
  record Invite(@Nullable String email, @Nullable String role) {}

  @Serdeable
  record Accept(
      @Nullable String orgId,
      @Nullable String token,
      @Nullable String password,
      @Nullable String displayName) {}

  @Serdeable
  record NewKey(
      @Nullable String name, @Nullable String environment, @Nullable Integer rateLimitOverride) {}
}
