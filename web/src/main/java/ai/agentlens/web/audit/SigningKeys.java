package ai.agentlens.web.audit;

import ai.agentlens.core.audit.ReportSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the audit signing key comes from: {@code agentlens.audit.signing-key} (env {@code
 * AGENTLENS_AUDIT_SIGNING_KEY}, at least 32 characters) when set; otherwise the file {@code
 * agentlens.audit.signing-key-file}, created on first start with 32 random bytes (64 hex
 * characters), readable by the owner only, and read on every later start.
 */
final class SigningKeys {

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

  private SigningKeys() {}

  /**
   * Loads or creates the key.
   *
   * @param configured the configured key, or blank
   * @param file the key file used when none is configured
   * @return the key's bytes
   * @throws IllegalStateException when the file can be neither read nor created
   */
  static byte[] load(String configured, Path file) {
    if (configured != null && !configured.isBlank()) {
      byte[] key = configured.trim().getBytes(StandardCharsets.UTF_8);
      if (key.length < ReportSigner.MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "agentlens.audit.signing-key (AGENTLENS_AUDIT_SIGNING_KEY) must be at least "
                + ReportSigner.MIN_KEY_BYTES
                + " characters");
      }
      return key;
    }
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read or create the audit signing key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    try {
      Files.writeString(
          file,
          HexFormat.of().formatHex(raw) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException raced) {
      return; // why: another process created it first; both then read the same key
    }
    try {
      Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      LOG.debug("file system without POSIX permissions; {} keeps its default ones", file);
    }
    LOG.info("created the audit signing key file {}", file.toAbsolutePath());
  }
}
