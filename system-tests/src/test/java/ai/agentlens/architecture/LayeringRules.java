package ai.agentlens.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module rules of docs/architecture.md as ArchUnit rules. The Maven enforcer checks the same
 * rules on the dependency graph (each module's {@code bannedDependencies}); these check the code
 * itself.
 */
final class LayeringRules {

  private LayeringRules() {}

  /** The most top-level classes a core-domain package may hold. */
  static final int MAX_CLASSES_PER_CORE_PACKAGE = 20;

  /**
   * core-domain: plain Java; no framework, no JDBC, no drivers. Of Jackson only the streaming core
   * ({@code com.fasterxml.jackson.core}): no object mapper, no annotations on domain types.
   */
  static final ArchRule CORE_IS_PLAIN_JAVA =
      noClasses()
          .that()
          .resideInAPackage("ai.agentlens.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.micronaut..",
              "io.netty..",
              "jakarta..",
              "java.sql..",
              "javax.sql..",
              "org.postgresql..",
              "org.sqlite..",
              "redis.clients..",
              "com.zaxxer..",
              "org.flywaydb..",
              "com.fasterxml.jackson.databind..",
              "com.fasterxml.jackson.annotation..",
              "com.fasterxml.jackson.dataformat..",
              "com.fasterxml.jackson.datatype..",
              "com.fasterxml.jackson.module..",
              "tools.jackson..",
              "com.grack..")
          .as(
              "core-domain is free of Micronaut, java.sql, drivers, Jackson databind and"
                  + " annotations");

  /** core-domain sees no outer module. */
  static final ArchRule CORE_SEES_ONLY_ITSELF =
      noClasses()
          .that()
          .resideInAPackage("ai.agentlens.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "ai.agentlens.storage..",
              "ai.agentlens.queue..",
              "ai.agentlens.web..",
              "ai.agentlens.app..")
          .as("core-domain depends on no other module");

  /** What each SPI and adapter may see besides the JDK: its SPI, core-domain and its driver. */
  static final Map<String, List<String>> ADAPTER_ALLOWED = new LinkedHashMap<>();

  static {
    ADAPTER_ALLOWED.put(
        "ai.agentlens.storage.spi..",
        List.of("ai.agentlens.core..", "javax.sql..", "org.flywaydb..", "org.slf4j.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.storage.sqlite..",
        List.of(
            "ai.agentlens.core..",
            "ai.agentlens.storage.spi..",
            "javax.sql..",
            "org.sqlite..",
            "org.flywaydb..",
            "org.slf4j.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.storage.postgres..",
        List.of(
            "ai.agentlens.core..",
            "ai.agentlens.storage.spi..",
            "javax.sql..",
            "org.postgresql..",
            "com.zaxxer.hikari..",
            "org.flywaydb..",
            "org.slf4j.."));
    ADAPTER_ALLOWED.put("ai.agentlens.queue.spi..", List.of("ai.agentlens.core..", "org.slf4j.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.queue.inmemory..",
        List.of("ai.agentlens.core..", "ai.agentlens.queue.spi..", "org.slf4j.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.queue.redis..",
        List.of(
            "ai.agentlens.core..",
            "ai.agentlens.queue.spi..",
            "ai.agentlens.redis..",
            "redis.clients..",
            "org.slf4j.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.redis..", List.of("redis.clients..", "org.apache.commons.pool2.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.coordination.redis..",
        List.of("ai.agentlens.core..", "ai.agentlens.redis..", "redis.clients..", "org.slf4j.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.mail..", List.of("ai.agentlens.core..", "jakarta.mail..", "org.slf4j.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.hasher.bcrypt..", List.of("ai.agentlens.core..", "at.favre.lib.crypto.."));
    ADAPTER_ALLOWED.put("ai.agentlens.webhook..", List.of("ai.agentlens.core.."));
    // why: ONNX Runtime is the engine LangChain4j's model runs on; the adapter sizes its session
    ADAPTER_ALLOWED.put(
        "ai.agentlens.embedding.onnx..",
        List.of("ai.agentlens.core..", "dev.langchain4j..", "ai.onnxruntime.."));
    ADAPTER_ALLOWED.put("ai.agentlens.embedding.openai..", List.of("ai.agentlens.core.."));
    ADAPTER_ALLOWED.put("ai.agentlens.llm.openai..", List.of("ai.agentlens.core.."));
    ADAPTER_ALLOWED.put(
        "ai.agentlens.billing.stripe..", List.of("ai.agentlens.core..", "com.stripe.."));
  }

  /**
   * One rule per SPI/adapter package: it sees only the JDK, its SPI, core-domain and its driver.
   */
  static List<ArchRule> adaptersSeeOnlyTheirSpiAndDriver() {
    List<ArchRule> rules = new ArrayList<>();
    ADAPTER_ALLOWED.forEach(
        (pkg, allowed) -> {
          List<String> all = new ArrayList<>(List.of("java..", pkg));
          all.addAll(allowed);
          rules.add(
              classes()
                  .that()
                  .resideInAPackage(pkg)
                  .should()
                  .onlyDependOnClassesThat()
                  .resideInAnyPackage(all.toArray(String[]::new))
                  .allowEmptyShould(true)
                  .as(pkg + " sees only the JDK and " + allowed));
        });
    return rules;
  }

  /** Micronaut is the framework of web and the apps, and of nothing else. */
  static final ArchRule MICRONAUT_ONLY_IN_WEB_AND_APPS =
      noClasses()
          .that()
          .resideInAPackage("ai.agentlens..")
          .and()
          .resideOutsideOfPackages("ai.agentlens.web..", "ai.agentlens.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micronaut..")
          .as("Micronaut is used only in web and app-*");

  /** web talks to the domain through ports; the apps wire adapters in. */
  static final ArchRule WEB_SEES_ONLY_CORE =
      noClasses()
          .that()
          .resideInAPackage("ai.agentlens.web..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("ai.agentlens..")
                  .and(not(resideInAnyPackage("ai.agentlens.core..", "ai.agentlens.web.."))))
          .as("web depends on core-domain only");

  /**
   * web is HTTP and the apps are wiring and CLI: every port implementation lives in an adapter
   * module (or, for pure in-memory defaults, in core-domain).
   */
  static final ArchRule NO_PORT_IMPLEMENTATIONS_IN_WEB_OR_APPS =
      noClasses()
          .that()
          .resideInAnyPackage("ai.agentlens.web..", "ai.agentlens.app..")
          .should()
          .implement(resideInAPackage("ai.agentlens.core.port.."))
          .as("web and the launchers implement no port (adapters live in adapter modules)");

  /** Packages by concern stay small enough to read: at most 20 classes per core package. */
  static final ArchRule CORE_PACKAGES_STAY_SMALL =
      classes()
          .that()
          .resideInAPackage("ai.agentlens.core..")
          .and()
          .areTopLevelClasses()
          .should(
              new com.tngtech.archunit.lang.ArchCondition<>(
                  "share their package with <= 20 others") {
                @Override
                public void check(
                    com.tngtech.archunit.core.domain.JavaClass item,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                  // why: a package also lists stubs of classes it only references (no source)
                  long n =
                      item.getPackage().getClasses().stream()
                          .filter(c -> c.isTopLevelClass() && c.getSource().isPresent())
                          .count();
                  if (n > MAX_CLASSES_PER_CORE_PACKAGE) {
                    events.add(
                        com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                            item, item.getPackageName() + " holds " + n + " top-level classes"));
                  }
                }
              })
          .as("no core package holds more than " + MAX_CLASSES_PER_CORE_PACKAGE + " classes");

  /** The two launchers never see each other. */
  static final ArchRule APPS_NEVER_SEE_EACH_OTHER =
      slices()
          .matching("ai.agentlens.app.(*)..")
          .should()
          .notDependOnEachOther()
          .as("app-selfhosted and app-cloud never see each other");

  /** Nothing depends on a launcher. */
  static final ArchRule NOTHING_DEPENDS_ON_APPS =
      noClasses()
          .that()
          .resideInAPackage("ai.agentlens..")
          .and()
          .resideOutsideOfPackage("ai.agentlens.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.agentlens.app..")
          .as("nothing depends on an app");

  /** No package of ours takes part in a dependency cycle. */
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("ai.agentlens.(**)").should().beFreeOfCycles().as("no package cycles");
}
