package ai.agentlens.app.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.core.port.storage.UserStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliCommandsTest {

  @TempDir Path dataDir;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SelfhostedMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void keysCreatePrintsTheKeyAloneOnTheLastLineAndTheServerAcceptsIt() throws Exception {
    Run created =
        run("keys", "create", "--org", "acme", "--name", "ci", "--data-dir", dataDir.toString());
    assertThat(created.status()).as(created.err()).isZero();
    String[] lines = created.out().strip().split("\n");
    String key = lines[lines.length - 1];
    assertThat(key).matches("al_live_[0-9A-Za-z]{32}");
    assertThat(
            run(
                    "keys",
                    "create",
                    "--org",
                    "acme",
                    "--env",
                    "test",
                    "--data-dir",
                    dataDir.toString())
                .out()
                .strip())
        .containsPattern("(?m)^al_test_[0-9A-Za-z]{32}$");

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (var context = SelfhostedMain.start(new SelfhostedConfig(port, dataDir), Map.of())) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                      .header("Authorization", "Bearer " + key)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\",\"payload\":{\"type\":\"t\",\"data\":{}}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
  }

  @Test
  void usersCreateMakesAVerifiedOwner() {
    Run created =
        run(
            "users",
            "create",
            "--email",
            "Ada@Example.com",
            "--password",
            "Sup3rSecret",
            "--org",
            "default",
            "--data-dir",
            dataDir.toString());
    assertThat(created.status()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created user ada@example.com, owner of org default.");
    try (var storage = CliStorage.open(dataDir)) {
      UserStore users = storage.stores().users();
      var user = users.findByEmail("ada@example.com").orElseThrow();
      assertThat(user.verified()).isTrue();
      assertThat(user.passwordHash()).startsWith("$2").doesNotContain("Sup3rSecret");
      assertThat(storage.stores().memberships().listByUser(user.id()))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.orgId()).isEqualTo("default");
                assertThat(m.role().name()).isEqualTo("OWNER");
              });
    }
    Run again =
        run(
            "users",
            "create",
            "--email",
            "ada@example.com",
            "--password",
            "Sup3rSecret",
            "--org",
            "default",
            "--data-dir",
            dataDir.toString());
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err()).contains("already exists");
  }

  @Test
  void weakPasswordsAndMissingOptionsAreUsageErrors() {
    Run weak =
        run(
            "users",
            "create",
            "--email",
            "a@b.co",
            "--password",
            "short",
            "--org",
            "x",
            "--data-dir",
            dataDir.toString());
    assertThat(weak.status()).isEqualTo(2);
    assertThat(weak.err()).contains("--password must be at least 8 characters");
    Run missing = run("keys", "create", "--data-dir", dataDir.toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--org=<org>'");
    assertThat(
            run("keys", "create", "--org", "x", "--env", "prod", "--data-dir", dataDir.toString())
                .status())
        .isEqualTo(2);
  }

  @Test
  void featuresOverridesAnOrgsPlanAndSaysWhichRuleDecided() {
    String dir = dataDir.toString();
    assertThat(run("keys", "create", "--org", "acme", "--data-dir", dir).status()).isZero();
    Run listed = run("features", "list", "--org", "acme", "--data-dir", dir);
    assertThat(listed.status()).as(listed.err()).isZero();
    assertThat(listed.out())
        .containsPattern("(?m)^analytics +on +\\(plan; plan: yes, override: none\\)$")
        .containsPattern("(?m)^compliance +on +\\(plan; plan: yes, override: none\\)$");
    Run off = run("features", "disable", "--org", "acme", "compliance", "--data-dir", dir);
    assertThat(off.out().strip())
        .matches("compliance +off +\\(org_override; plan: yes, override: off\\)");
    assertThat(run("features", "list", "--org", "acme", "--data-dir", dir).out())
        .containsPattern("(?m)^compliance +off ")
        .containsPattern("(?m)^analytics +on ");
    Run reset = run("features", "reset", "--org", "acme", "compliance", "--data-dir", dir);
    assertThat(reset.out().strip()).startsWith("compliance  on  (plan;");
    Run unknown = run("features", "enable", "--org", "acme", "billing", "--data-dir", dir);
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown feature 'billing'; known: analytics, compliance");
    Run noOrg = run("features", "list", "--org", "nope", "--data-dir", dir);
    assertThat(noOrg.status()).isEqualTo(1);
    assertThat(noOrg.err()).contains("no org 'nope'");
    assertThat(run("features", "disable", "--org", "acme", "--data-dir", dir).status())
        .isEqualTo(2);
  }
}
