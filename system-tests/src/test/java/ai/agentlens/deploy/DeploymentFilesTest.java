package ai.agentlens.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ai.agentlens.app.cloud.CloudConfig;
import ai.agentlens.app.selfhosted.SelfhostedConfig;
import ai.agentlens.web.health.HealthController;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No container engine runs on our machines, so the Dockerfiles, compose file and Kubernetes
 * manifests under {@code deploy/} are checked against the code here: every variable they set is one
 * a launcher reads, ports and probe paths match the server, roles are ones the cloud launcher
 * accepts, the jars they copy are the ones the build writes, and the files docs/deployment.md names
 * exist.
 */
class DeploymentFilesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final Pattern VARIABLE = Pattern.compile("\\bAGENTLENS_[A-Z0-9_]*[A-Z0-9]\\b");
  private static final Pattern PROPERTY = Pattern.compile("\\bagentlens\\.[a-z0-9.-]*[a-z0-9]");

  @Test
  void everyVariableTheDeploymentSetsIsOneTheLaunchersRead() {
    Set<String> read = variablesTheCodeReads();
    assertThat(read)
        .as("sanity: the scan finds the launchers' variables")
        .contains("AGENTLENS_ROLE");
    Set<String> used = matches(VARIABLE, deploymentText());
    assertThat(used)
        .as("variables in deploy/")
        .contains("AGENTLENS_DATABASE_URL", "AGENTLENS_ROLE");
    assertThat(read).as("variables the launchers read").containsAll(used);
  }

  @Test
  void portsAndProbePathsMatchTheServer() throws Exception {
    int port = SelfhostedConfig.DEFAULT_PORT;
    assertThat(
            CloudConfig.fromEnv(
                    Map.of(
                        "AGENTLENS_DATABASE_URL",
                        "postgres://h/db",
                        "AGENTLENS_REDIS_URL",
                        "redis://h"))
                .port())
        .isEqualTo(port);
    String text = deploymentText();
    Set<String> ports = new TreeSet<>();
    ports.addAll(groups(Pattern.compile("containerPort: (\\d+)"), text));
    ports.addAll(groups(Pattern.compile("EXPOSE (\\d+)"), text));
    ports.addAll(groups(Pattern.compile("AGENTLENS_PORT[:=] ?\"?(\\d+)"), text));
    ports.addAll(groups(Pattern.compile("127\\.0\\.0\\.1:(\\d+)/api"), text));
    ports.addAll(groups(Pattern.compile("gateway-\\d:(\\d+)"), text));
    assertThat(ports).containsExactly(Integer.toString(port));

    String base = HealthController.class.getAnnotation(Controller.class).value();
    Set<String> routes =
        Arrays.stream(HealthController.class.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Get.class))
            .map(m -> base + m.getAnnotation(Get.class).uri())
            .collect(Collectors.toSet());
    Set<String> probes =
        groups(Pattern.compile("(?:path: |http://127\\.0\\.0\\.1:\\d+)(/[a-z/]+)"), text);
    assertThat(probes).containsExactlyInAnyOrder("/api/ready", "/api/health");
    assertThat(routes).containsAll(probes);
  }

  @Test
  void rolesAreOnesTheCloudLauncherAccepts() {
    Set<String> roles =
        groups(Pattern.compile("AGENTLENS_ROLE(?:: |=|, value: )(\\w+)"), deploymentText());
    assertThat(roles).containsExactlyInAnyOrder("all", "gateway", "worker", "migrate");
    for (String role : roles) {
      assertThatCode(
              () ->
                  CloudConfig.fromEnv(
                      Map.of(
                          "AGENTLENS_DATABASE_URL",
                          "postgres://h/db",
                          "AGENTLENS_REDIS_URL",
                          "redis://h",
                          "AGENTLENS_ROLE",
                          role)))
          .as(role)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void dockerfilesCopyTheJarsTheBuildWrites() {
    for (String app : new String[] {"selfhosted", "cloud"}) {
      String dockerfile = read(DEPLOY.resolve("Dockerfile." + app));
      String pom = read(ROOT.resolve("app-" + app + "/pom.xml"));
      String jar = "agentlens-" + app + ".jar";
      assertThat(pom).contains("${project.build.directory}/" + jar);
      assertThat(dockerfile)
          .contains("-pl app-" + app + " -am package")
          .contains("/src/app-" + app + "/target/" + jar)
          .containsPattern("USER \\d+:\\d+")
          .contains("HEALTHCHECK");
    }
  }

  @Test
  void theDeploymentGuideNamesFilesThatExist() {
    String guide = read(ROOT.resolve("docs/deployment.md"));
    Set<String> named = matches(Pattern.compile("deploy/[A-Za-z0-9_./-]*[A-Za-z0-9]"), guide);
    assertThat(named).contains("deploy/compose.yaml", "deploy/k8s/migrate-job.yaml");
    for (String file : named) {
      assertThat(ROOT.resolve(file)).as("named in docs/deployment.md").exists();
    }
    try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
      files.forEach(
          f ->
              assertThat(guide)
                  .as("guide mentions %s", f.getFileName())
                  .contains(f.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Literal {@code AGENTLENS_*} names in launcher code plus the variables Micronaut maps to the
   * {@code agentlens.*} properties the code reads.
   */
  private static Set<String> variablesTheCodeReads() {
    Set<String> names = new TreeSet<>();
    for (String module : new String[] {"web", "app-selfhosted", "app-cloud"}) {
      Path main = ROOT.resolve(module).resolve("src/main");
      try (Stream<Path> files = Files.walk(main)) {
        for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
          String text = read(f);
          names.addAll(matches(VARIABLE, text));
          // why: Micronaut maps AGENTLENS_FOO_BAR to agentlens.foo-bar and agentlens.foo.bar alike
          matches(PROPERTY, text)
              .forEach(p -> names.add(p.toUpperCase().replace('.', '_').replace('-', '_')));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  private static String deploymentText() {
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      return files
          .filter(Files::isRegularFile)
          .sorted()
          .map(DeploymentFilesTest::read)
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Set<String> groups(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
