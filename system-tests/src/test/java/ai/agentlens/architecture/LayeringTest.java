package ai.agentlens.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every production class of every module obeys the module rules. */
class LayeringTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.agentlens");
  }

  @Test
  void theImportSeesEveryModuleSoNoRulePassesVacuously() {
    for (String pkg :
        List.of(
            "ai.agentlens.core",
            "ai.agentlens.storage.postgres",
            "ai.agentlens.queue.redis",
            "ai.agentlens.redis",
            "ai.agentlens.coordination.redis",
            "ai.agentlens.mail",
            "ai.agentlens.hasher.bcrypt",
            "ai.agentlens.embedding.onnx",
            "ai.agentlens.embedding.openai",
            "ai.agentlens.llm.openai",
            "ai.agentlens.web",
            "ai.agentlens.app.selfhosted",
            "ai.agentlens.app.cloud",
            "ai.agentlens.billing.stripe")) {
      assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s imported", pkg)
          .isTrue();
    }
  }

  @TestFactory
  Stream<DynamicTest> productionCodeFollowsEveryRule() {
    Stream<ArchRule> rules =
        Stream.concat(
            Stream.of(
                LayeringRules.CORE_IS_PLAIN_JAVA,
                LayeringRules.CORE_SEES_ONLY_ITSELF,
                LayeringRules.MICRONAUT_ONLY_IN_WEB_AND_APPS,
                LayeringRules.WEB_SEES_ONLY_CORE,
                LayeringRules.NO_PORT_IMPLEMENTATIONS_IN_WEB_OR_APPS,
                LayeringRules.CORE_PACKAGES_STAY_SMALL,
                LayeringRules.APPS_NEVER_SEE_EACH_OTHER,
                LayeringRules.NOTHING_DEPENDS_ON_APPS,
                LayeringRules.NO_PACKAGE_CYCLES),
            LayeringRules.adaptersSeeOnlyTheirSpiAndDriver().stream());
    return rules.map(
        rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
  }
}
