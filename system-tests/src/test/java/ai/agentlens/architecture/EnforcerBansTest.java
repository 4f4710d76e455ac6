package ai.agentlens.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Maven enforcer half of the module rules bites: a fixture project that inherits the root pom,
 * copies one module's {@code bannedDependencies} configuration verbatim and adds one dependency is
 * built with {@code validate}. A banned dependency must fail the build with the module's message;
 * an allowed one must pass (so a failure is the ban's doing, not the fixture's). Test scope is
 * exempt: an adapter's tests run the test kit, whose drivers and servers the adapter's code must
 * never see.
 */
class EnforcerBansTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path temp;

  @ParameterizedTest(name = "{0} + {1}:{2} ({3}) → banned={4}")
  @CsvSource({
    "core-domain, io.micronaut, micronaut-core, compile, true",
    "core-domain, org.postgresql, postgresql, compile, true",
    "storage-sqlite, org.postgresql, postgresql, compile, true",
    "queue-redis, org.xerial, sqlite-jdbc, compile, true",
    "web, redis.clients, jedis, compile, true",
    "app-cloud, org.xerial, sqlite-jdbc, compile, true",
    "parity-tests, io.micronaut, micronaut-core, compile, true",
    "core-domain, com.fasterxml.jackson.core, jackson-databind, compile, true",
    "core-domain, com.fasterxml.jackson.core, jackson-core, compile, false",
    "core-domain, org.slf4j, slf4j-api, compile, false",
    // the test kit brings drivers and servers to an adapter's tests: test scope is exempt
    "storage-sqlite, org.postgresql, postgresql, test, false",
  })
  void moduleBansFailTheBuild(
      String module, String groupId, String artifactId, String scope, boolean banned)
      throws Exception {
    Path fixture = temp.resolve(module);
    Files.createDirectories(fixture);
    Files.writeString(
        fixture.resolve("pom.xml"),
        fixturePom(fixture, module, groupId, artifactId, scope),
        StandardCharsets.UTF_8);

    Path log = temp.resolve(module + ".log");
    Process maven =
        new ProcessBuilder(
                ROOT.resolve("mvnw").toString(),
                "-B",
                "-q",
                "validate",
                "-f",
                fixture.resolve("pom.xml").toString())
            .directory(fixture.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(maven.waitFor(180, TimeUnit.SECONDS)).as("maven finishes").isTrue();
    String output = Files.readString(log);

    if (banned) {
      assertThat(maven.exitValue()).as(output).isNotZero();
      assertThat(output).contains("BannedDependencies").contains(groupId + ":" + artifactId);
    } else {
      assertThat(maven.exitValue()).as(output).isZero();
    }
  }

  /**
   * The root build refuses a local repository that holds installed project artifacts: a stray
   * {@code mvn install} once made this suite pass here and fail on every fresh machine.
   */
  @Test
  void installedProjectArtifactsFailTheBuild() throws Exception {
    String local = System.getProperty("agentlens.localRepository");
    assertThat(local).as("surefire passes the local repository").isNotBlank();
    Path repo = temp.resolve("m2");
    Files.createDirectories(repo.resolve("ai").resolve("agentlens"));
    try (var top = Files.list(Path.of(local))) {
      for (Path dir : top.filter(p -> !p.getFileName().toString().equals("ai")).toList()) {
        Files.createSymbolicLink(repo.resolve(dir.getFileName().toString()), dir);
      }
    }
    Path log = temp.resolve("installed.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                ROOT.resolve("mvnw").toString(),
                "-B",
                "-o",
                "-N",
                "validate",
                "-Dmaven.repo.local=" + repo,
                "-f",
                ROOT.resolve("pom.xml").toString())
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // why: fresh-clone-verify passes its own repository through MAVEN_ARGS; this run needs ours
    builder.environment().remove("MAVEN_ARGS");
    Process maven = builder.start();
    assertThat(maven.waitFor(180, TimeUnit.SECONDS)).as("maven finishes").isTrue();
    String output = Files.readString(log);
    assertThat(maven.exitValue()).as(output).isNotZero();
    assertThat(output).contains("holds installed ai.agentlens artifacts");
  }

  private static String fixturePom(
      Path fixture, String module, String groupId, String artifactId, String scope)
      throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    Document root = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
    String version = text(root.getDocumentElement(), "version");
    Document modulePom =
        factory.newDocumentBuilder().parse(ROOT.resolve(module).resolve("pom.xml").toFile());
    Element enforcer = enforcerPlugin(modulePom);
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>ai.agentlens</groupId>
            <artifactId>agentlens-parent</artifactId>
            <version>%s</version>
            <relativePath>%s</relativePath>
          </parent>
          <artifactId>enforcer-fixture-%s</artifactId>
          <dependencies>
            <dependency><groupId>%s</groupId><artifactId>%s</artifactId><scope>%s</scope></dependency>
          </dependencies>
          <build><plugins>%s</plugins></build>
        </project>
        """
        .formatted(
            version,
            // why: Maven resolves relativePath against the fixture's folder even when it is
            // absolute, so an absolute path silently fell back to an installed parent POM
            fixture.relativize(ROOT.resolve("pom.xml")),
            module,
            groupId,
            artifactId,
            scope,
            serialize(enforcer));
  }

  private static Element enforcerPlugin(Document pom) {
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if ("maven-enforcer-plugin".equals(text(plugin, "artifactId"))) {
        return plugin;
      }
    }
    throw new AssertionError("module pom has no maven-enforcer-plugin section");
  }

  private static String text(Element parent, String child) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent().trim();
      }
    }
    throw new AssertionError("no <" + child + "> in <" + parent.getTagName() + ">");
  }

  private static String serialize(Element element) throws Exception {
    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    StringWriter out = new StringWriter();
    transformer.transform(new DOMSource(element), new StreamResult(out));
    return out.toString();
  }
}
