package ai.agentlens.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets are compared in constant time (issue 19): no production source compares a token, secret,
 * signature, nonce, CSRF value, MAC or password with {@code equals} (which returns at the first
 * differing character); they go through {@code Secrets.same} or {@code MessageDigest.isEqual}.
 * Stored tokens are looked up by their SHA-256, which leaks nothing about the token. Integrity
 * hashes of public data (an export's checksum, imported chain hashes, memory content) are not
 * secrets and are listed with the reason.
 */
class ConstantTimeSecretsTest {

  private static final Pattern SECRET_EQUALS =
      Pattern.compile(
          "(?i)(token|secret|signature|nonce|csrf|hmac|\\bmac\\b|password|digest|hash)[\\w()\\[\\]]*"
              + "\\s*\\.equals(IgnoreCase)?\\("
              + "|\\.equals(IgnoreCase)?\\([^;]*(token|secret|signature|nonce|csrf|hmac|password)");

  /** Files whose matches compare public integrity hashes, not secrets. */
  private static final Map<String, String> NOT_SECRETS =
      Map.of(
          "core-domain/src/main/java/ai/agentlens/core/transfer/ImportChecksum.java",
          "an export file's SHA-256 written in the file itself, checked against its content",
          "core-domain/src/main/java/ai/agentlens/core/transfer/ImportLanes.java",
          "an imported line's hash against the recomputed chain, both public",
          "core-domain/src/main/java/ai/agentlens/core/memory/MemoryIndexer.java",
          "a content hash that decides whether text changed");

  @Test
  void noProductionSourceComparesASecretWithEquals() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(violations(root)).isEmpty();
  }

  @Test
  void theCheckCatchesAnEqualsOnASecret(@org.junit.jupiter.api.io.TempDir Path root)
      throws IOException {
    Path file = root.resolve("web/src/main/java/x/Bad.java");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "class Bad {\n"
            + "  boolean a(String given, String expectedToken) { return given.equals(expectedToken); }\n"
            + "  boolean b(String nonce, String n) { return claims.nonce().equals(n); }\n"
            + "  boolean c(String s) { return \"ok\".equals(s); }\n"
            + "}\n");
    assertThat(violations(root))
        .containsExactly("web/src/main/java/x/Bad.java:2", "web/src/main/java/x/Bad.java:3");
  }

  private static List<String> violations(Path root) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(ConstantTimeSecretsTest::productionSource).toList()) {
        String where = root.relativize(file).toString().replace('\\', '/');
        if (NOT_SECRETS.containsKey(where)) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (!line.startsWith("*")
              && !line.startsWith("//")
              && SECRET_EQUALS.matcher(line).find()) {
            found.add(where + ":" + (i + 1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static boolean productionSource(Path p) {
    String s = p.toString().replace('\\', '/');
    return s.endsWith(".java") && s.contains("/src/main/java/") && !s.contains("/target/");
  }
}
