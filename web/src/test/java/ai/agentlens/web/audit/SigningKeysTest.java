package ai.agentlens.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  @TempDir Path dir;

  @Test
  void withoutAConfiguredKeyAFileIsCreatedOnceOwnerOnlyAndReadAfterwards() throws Exception {
    Path file = dir.resolve("sub/audit-signing.key");
    byte[] first = SigningKeys.load("", file);
    assertThat(first).hasSize(64);
    assertThat(new String(first, StandardCharsets.UTF_8)).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SigningKeys.load(null, file)).isEqualTo(first);
    assertThat(SigningKeys.load("", dir.resolve("other.key"))).isNotEqualTo(first);
  }

  @Test
  void aConfiguredKeyWinsOverTheFileAndMustBeLongEnough() {
    Path file = dir.resolve("unused.key");
    String key = "a-configured-key-of-at-least-32-characters";
    assertThat(SigningKeys.load(key, file)).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
    assertThat(file).doesNotExist();
    assertThatThrownBy(() -> SigningKeys.load("too-short", file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AGENTLENS_AUDIT_SIGNING_KEY");
  }
}
