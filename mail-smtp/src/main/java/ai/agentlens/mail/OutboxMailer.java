package ai.agentlens.mail;

import ai.agentlens.core.port.Mailer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Mailer} for machines without SMTP: each message becomes one {@code .eml} text file in the
 * outbox folder (created on first use), and the log names the file, never its body.
 */
public final class OutboxMailer implements Mailer {

  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);

  private final Path dir;
  private final Clock clock;

  /**
   * Creates the mailer.
   *
   * @param dir the outbox folder
   */
  public OutboxMailer(Path dir) {
    this(dir, Clock.systemUTC());
  }

  OutboxMailer(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /**
   * Returns the outbox folder.
   *
   * @return the folder messages are written to
   */
  public Path directory() {
    return dir;
  }

  @Override
  public void send(Message message) {
    Instant now = clock.instant();
    String name = now.toEpochMilli() + "-" + UUID.randomUUID() + ".eml";
    String text =
        "To: "
            + message.to()
            + "\nSubject: "
            + message.subject()
            + "\nDate: "
            + now
            + "\n\n"
            + message.body();
    try {
      Path file = dir.resolve(name);
      // why: the mails carry verification and password-reset links, so only the owner reads them
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        if (Files.notExists(dir)) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
      } else {
        Files.createDirectories(dir);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
      LOG.info(
          "mail written to outbox (no SMTP configured): {} subject '{}'", file, message.subject());
    } catch (IOException e) {
      throw new MailException("cannot write to the outbox " + dir, e);
    }
  }
}
