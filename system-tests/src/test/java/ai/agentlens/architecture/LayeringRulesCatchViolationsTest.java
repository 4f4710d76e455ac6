package ai.agentlens.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agentlens.app.selfhosted.archfixture.SelfhostedUsingCloud;
import ai.agentlens.core.archfixture.CoreUsingDatabind;
import ai.agentlens.core.archfixture.CoreUsingJacksonAnnotations;
import ai.agentlens.core.archfixture.CoreUsingJacksonCore;
import ai.agentlens.core.archfixture.CoreUsingJdbc;
import ai.agentlens.core.archfixture.CoreUsingMicronaut;
import ai.agentlens.core.archfixture.CoreUsingWeb;
import ai.agentlens.core.archfixture.cycle.a.CycleA;
import ai.agentlens.core.archfixture.cycle.b.CycleB;
import ai.agentlens.queue.inmemory.archfixture.AdapterUsingApp;
import ai.agentlens.queue.redis.archfixture.RedisUsingStorage;
import ai.agentlens.storage.spi.archfixture.SpiUsingMicronaut;
import ai.agentlens.storage.sqlite.archfixture.SqliteUsingPostgresDriver;
import ai.agentlens.web.archfixture.WebImplementingAPort;
import ai.agentlens.web.archfixture.WebUsingAdapter;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule, fed a fixture class that breaks it (test sources only, never in production), reports a
 * violation naming that class. A rule that could not fail would fail here.
 */
class LayeringRulesCatchViolationsTest {

  @Test
  void coreUsingJdbcOrMicronautIsCaught() {
    assertCaught(LayeringRules.CORE_IS_PLAIN_JAVA, CoreUsingJdbc.class, "java.sql.Connection");
    assertCaught(LayeringRules.CORE_IS_PLAIN_JAVA, CoreUsingMicronaut.class, "io.micronaut");
  }

  @Test
  void coreUsingJacksonDatabindOrAnnotationsIsCaughtButTheStreamingCoreIsAllowed() {
    assertCaught(
        LayeringRules.CORE_IS_PLAIN_JAVA,
        CoreUsingDatabind.class,
        "com.fasterxml.jackson.databind.ObjectMapper");
    assertCaught(
        LayeringRules.CORE_IS_PLAIN_JAVA,
        CoreUsingJacksonAnnotations.class,
        "com.fasterxml.jackson.annotation.JsonProperty");
    EvaluationResult allowed =
        LayeringRules.CORE_IS_PLAIN_JAVA.evaluate(
            new ClassFileImporter().importClasses(CoreUsingJacksonCore.class));
    assertThat(allowed.hasViolation()).as(allowed.getFailureReport().toString()).isFalse();
  }

  @Test
  void coreUsingAnOuterModuleIsCaught() {
    assertCaught(LayeringRules.CORE_SEES_ONLY_ITSELF, CoreUsingWeb.class, "ReadinessProbe");
  }

  @Test
  void adapterUsingAnotherDriverOrAdapterIsCaught() {
    assertCaught(
        adapterRule("ai.agentlens.storage.sqlite.."),
        SqliteUsingPostgresDriver.class,
        "org.postgresql");
    assertCaught(adapterRule("ai.agentlens.queue.redis.."), RedisUsingStorage.class, "PostgresUrl");
  }

  @Test
  void micronautOutsideWebAndAppsIsCaught() {
    assertCaught(
        LayeringRules.MICRONAUT_ONLY_IN_WEB_AND_APPS, SpiUsingMicronaut.class, "io.micronaut");
  }

  @Test
  void webUsingAnAdapterIsCaught() {
    assertCaught(LayeringRules.WEB_SEES_ONLY_CORE, WebUsingAdapter.class, "RedisConnectionCheck");
  }

  @Test
  void webImplementingAPortIsCaught() {
    assertCaught(
        LayeringRules.NO_PORT_IMPLEMENTATIONS_IN_WEB_OR_APPS,
        WebImplementingAPort.class,
        "WebImplementingAPort");
  }

  @Test
  void aCorePackageOverTwentyClassesIsCaught() {
    JavaClasses classes =
        new ClassFileImporter().importPackages("ai.agentlens.core.archfixture.crowded");
    assertThat(classes).hasSize(21);
    EvaluationResult result = LayeringRules.CORE_PACKAGES_STAY_SMALL.evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("holds 21 top-level classes");
  }

  @Test
  void appsSeeingEachOtherAreCaught() {
    JavaClasses classes =
        new ClassFileImporter()
            .importClasses(SelfhostedUsingCloud.class, ai.agentlens.app.cloud.CloudConfig.class);
    EvaluationResult result = LayeringRules.APPS_NEVER_SEE_EACH_OTHER.evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("SelfhostedUsingCloud");
  }

  @Test
  void dependingOnAnAppIsCaught() {
    assertCaught(LayeringRules.NOTHING_DEPENDS_ON_APPS, AdapterUsingApp.class, "SelfhostedConfig");
  }

  @Test
  void packageCyclesAreCaught() {
    JavaClasses classes = new ClassFileImporter().importClasses(CycleA.class, CycleB.class);
    EvaluationResult result = LayeringRules.NO_PACKAGE_CYCLES.evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("Cycle detected");
  }

  @Test
  void everyAdapterHasAnAllowlist() {
    assertThat(LayeringRules.ADAPTER_ALLOWED.keySet())
        .containsExactlyInAnyOrder(
            "ai.agentlens.storage.spi..",
            "ai.agentlens.storage.sqlite..",
            "ai.agentlens.storage.postgres..",
            "ai.agentlens.queue.spi..",
            "ai.agentlens.queue.inmemory..",
            "ai.agentlens.queue.redis..",
            "ai.agentlens.redis..",
            "ai.agentlens.coordination.redis..",
            "ai.agentlens.mail..",
            "ai.agentlens.hasher.bcrypt..",
            "ai.agentlens.webhook..",
            "ai.agentlens.embedding.onnx..",
            "ai.agentlens.embedding.openai..",
            "ai.agentlens.llm.openai..",
            "ai.agentlens.billing.stripe..");
  }

  private static ArchRule adapterRule(String pkg) {
    List<ArchRule> rules = LayeringRules.adaptersSeeOnlyTheirSpiAndDriver();
    return rules.stream()
        .filter(r -> r.getDescription().startsWith(pkg + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rule for " + pkg));
  }

  private static void assertCaught(ArchRule rule, Class<?> fixture, String mentioned) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
    assertThat(result.hasViolation())
        .as("%s catches %s", rule.getDescription(), fixture.getSimpleName())
        .isTrue();
    assertThat(result.getFailureReport().toString())
        .contains(fixture.getSimpleName())
        .contains(mentioned);
  }
}
