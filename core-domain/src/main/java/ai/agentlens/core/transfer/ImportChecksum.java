package ai.agentlens.core.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of the lines before an export's checksum line, each with its {@code \n}. */
final class ImportChecksum {

  private final MessageDigest digest;

  ImportChecksum() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  void add(String line) {
    digest.update(line.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  boolean matches(Object claimed) {
    return claimed instanceof String s && HexFormat.of().formatHex(digest.digest()).equals(s);
  }
}
