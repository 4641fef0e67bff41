package dev.claudenexus.proxy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependency rules between modules and feature packages. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.claudenexus");
  }

  @Test
  void persistenceNeverDependsOnWars() {
    noClasses().that().resideOutsideOfPackage("dev.claudenexus.proxy..")
        .should().dependOnClassesThat().resideInAPackage("dev.claudenexus.proxy..")
        .check(classes);
  }

  @Test
  void recorderIndependentOfForwarding() {
    noClasses().that().resideInAPackage("..proxy.recording..")
        .should().dependOnClassesThat().resideInAnyPackage("..proxy.forwarding..", "..proxy.auth..",
            "..proxy.credentials..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void credentialsIndependentOfForwardingAndAuth() {
    noClasses().that().resideInAPackage("..proxy.credentials..")
        .should().dependOnClassesThat().resideInAnyPackage("..proxy.forwarding..", "..proxy.auth..")
        .check(classes);
  }

  @Test
  void realmIndependentOfForwarding() {
    noClasses().that().resideInAPackage("..proxy.auth..")
        .should().dependOnClassesThat().resideInAPackage("..proxy.forwarding..")
        .check(classes);
  }

  @Test
  void storageIndependentOfPricing() {
    noClasses().that().resideInAPackage("dev.claudenexus.storage..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.claudenexus.pricing..",
            "dev.claudenexus.classification..")
        .check(classes);
  }

  @Test
  void linkingIndependentOfDatabase() {
    noClasses().that().resideInAPackage("dev.claudenexus.conversation..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.claudenexus.storage..", "java.sql..",
            "javax.sql..")
        .check(classes);
  }

  @Test
  void sharedApiNeverDependsOnProxy() {
    noClasses().that().resideInAPackage("dev.claudenexus.api..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.claudenexus.proxy..",
            "dev.claudenexus.dashboard..")
        .check(classes);
  }

  @Test
  void analysisNeverDependsOnApiOrWars() {
    noClasses().that().resideInAPackage("dev.claudenexus.analysis..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.claudenexus.api..",
            "dev.claudenexus.proxy..", "dev.claudenexus.dashboard..")
        .check(classes);
  }

  @Test
  void analysisJobUsesModelInterface() {
    noClasses().that().resideInAPackage("dev.claudenexus.analysis.job..")
        .and().doNotHaveSimpleName("AnalysisModels")
        .should().dependOnClassesThat().haveSimpleName("GeminiClient")
        .check(classes);
  }
}
