package ai.agentlens.web.mail;

import ai.agentlens.core.port.Mailer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Mailer} without SMTP: each message becomes one {@code .eml}-style text file in the outbox
 * directory ({@code agentlens.mail.outbox-dir}, default {@code <data dir>/outbox}), and the log
 * names the file and subject (never the recipient or the body: the body holds tokens).
 */
@Singleton
@Requires(missingProperty = "agentlens.mail.smtp.host")
public class OutboxMailer implements Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);

  private final Path dir;

  OutboxMailer(
      @Nullable @Value("${agentlens.mail.outbox-dir:}") String outboxDir,
      @Nullable @Value("${agentlens.data-dir:}") String dataDir) {
    this.dir =
        outboxDir != null && !outboxDir.isBlank()
            ? Path.of(outboxDir)
            : dataDir != null && !dataDir.isBlank()
                ? Path.of(dataDir).resolve("outbox")
                : Path.of("agentlens-outbox");
  }

  /**
   * Returns the outbox directory.
   *
   * @return the directory messages are written to
   */
  public Path directory() {
    return dir;
  }

  @Override
  public void send(Message message) {
    String name = Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".eml";
    String text =
        "To: "
            + message.to()
            + "\nSubject: "
            + message.subject()
            + "\nDate: "
            + Instant.now()
            + "\n\n"
            + message.body();
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      LOG.info(
          "mail written to outbox (no SMTP configured): {} subject '{}'", file, message.subject());
    } catch (IOException e) {
      throw new MailException("cannot write to the outbox " + dir, e);
    }
  }
}
