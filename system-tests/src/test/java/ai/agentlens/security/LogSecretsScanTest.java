package ai.agentlens.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans every log line the launchers wrote during their whole test suites (both launcher modules
 * copy their logs to {@code target/test-logs/}; system-tests runs after them in {@code ./mvnw
 * verify}) for secrets (issue 19): full API keys, the test kit's passwords, Stripe secrets, bearer
 * tokens, session and CSRF cookies, mailed tokens, and prompts the tests sent with masking on.
 * Skipped (assumption) when the launcher suites did not run in this build.
 */
class LogSecretsScanTest {

  private static final Map<String, Pattern> SECRETS =
      Map.of(
          "a full API key", Pattern.compile("al_(live|test)_[A-Za-z0-9]{32}"),
          "the test kit's password", Pattern.compile("Correct-Horse-9"),
          "a Stripe secret", Pattern.compile("whsec_agentlens_test_secret|sk_test_agentlens"),
          "a bearer token", Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]{12,}"),
          "a session or CSRF cookie", Pattern.compile("al_(session|csrf)=[A-Za-z0-9._-]{8,}"),
          "a mailed token", Pattern.compile("[?&](token|code)=[A-Za-z0-9._-]{20,}"),
          "a prompt sent with masking on", Pattern.compile("PROMPT-[0-9a-f]{8}-[0-9a-f]{4}"));

  @Test
  void noSecretInAnyLineTheLauncherSuitesLogged() throws IOException {
    List<Path> logs = new ArrayList<>();
    for (String module : List.of("app-selfhosted", "app-cloud")) {
      Path dir = Path.of("..", module, "target", "test-logs");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          files.filter(f -> f.toString().endsWith(".log")).forEach(logs::add);
        }
      }
    }
    assumeFalse(logs.isEmpty(), "the launcher test suites did not run in this build");
    List<String> found = new ArrayList<>();
    long lines = 0;
    for (Path log : logs) {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      lines += all.size();
      for (int i = 0; i < all.size(); i++) {
        for (Map.Entry<String, Pattern> secret : SECRETS.entrySet()) {
          Matcher m = secret.getValue().matcher(all.get(i));
          if (m.find()) {
            found.add(
                secret.getKey()
                    + " in "
                    + log.getFileName()
                    + ":"
                    + (i + 1)
                    + ": "
                    + cut(all.get(i)));
          }
        }
      }
    }
    System.out.printf("scanned %d log lines in %d files%n", lines, logs.size());
    assertThat(lines).as("lines scanned").isPositive();
    assertThat(found).as("secrets in the launchers' test logs").isEmpty();
  }

  private static String cut(String line) {
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
