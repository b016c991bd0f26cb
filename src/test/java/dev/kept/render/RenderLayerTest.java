package dev.kept.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: render only renders. Whatever is counted or judged comes from the measure and explain
 * stages through the model; render never reaches back into measure (nor into validate or load).
 */
class RenderLayerTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.kept");

  @Test
  void renderImportsNothingFromMeasure() {
    noClasses()
        .that().resideInAPackage("dev.kept.render..")
        .should().dependOnClassesThat().resideInAPackage("dev.kept.measure..")
        .because("render arranges what explain wrote; counting and judging happen in measure and explain")
        .check(MAIN);
  }

  @Test
  void renderImportsNothingFromLoadOrValidate() {
    noClasses()
        .that().resideInAPackage("dev.kept.render..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.kept.load..", "dev.kept.validate..")
        .check(MAIN);
  }
}
