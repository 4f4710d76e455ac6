package ai.agentlens.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.agentlens.core.port.Mailer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {

  @TempDir Path temp;

  @Test
  void writesOneFilePerMessageCreatingTheFolder() throws Exception {
    Path outbox = temp.resolve("data").resolve("outbox");
    OutboxMailer mailer =
        new OutboxMailer(
            outbox, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    mailer.send(new Mailer.Message("ada@example.com", "Verify", "Token: abc"));
    mailer.send(new Mailer.Message("bob@example.com", "Reset", "Token: def"));

    List<Path> files;
    try (var list = Files.list(outbox)) {
      files = list.sorted().toList();
    }
    assertThat(files).hasSize(2).allMatch(f -> f.getFileName().toString().endsWith(".eml"));
    String all = Files.readString(files.get(0)) + Files.readString(files.get(1));
    assertThat(all)
        .contains("To: ada@example.com\nSubject: Verify\nDate: 2026-01-02T03:04:05Z\n\nToken: abc")
        .contains("To: bob@example.com");
  }

  @Test
  void theOutboxAndItsMailsAreTheOwnersOnly() throws Exception {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX");
    Path outbox = temp.resolve("outbox");
    new OutboxMailer(outbox).send(new Mailer.Message("a@b.c", "Reset", "Link: secret"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox)))
        .isEqualTo("rwx------");
    try (var list = Files.list(outbox)) {
      Path mail = list.findFirst().orElseThrow();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mail)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void anUnwritableOutboxIsAMailException() throws Exception {
    Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
    OutboxMailer mailer = new OutboxMailer(file.resolve("outbox"));
    assertThatThrownBy(() -> mailer.send(new Mailer.Message("a@b.c", "s", "b")))
        .isInstanceOf(Mailer.MailException.class)
        .hasMessageContaining("outbox");
  }
}
