package dev.kept.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: the architecture {@code docs/architecture.md} draws, checked on the compiled classes
 * (tests excluded) with ArchUnit.
 *
 * <ul>
 *   <li>No stage imports a later stage: {@code load → validate → measure → explain → render →
 *       verify → publish}.
 *   <li>Render imports nothing from measure: what is counted or judged reaches it explained.
 *   <li>The model imports no stage, nor the commands or the importer.
 *   <li>Only {@code cli} and {@code serve} start a build: no other class uses the pipeline's
 *       classes in the root package ({@code dev.kept.Pipeline}, and the {@code Memory} and {@code
 *       Snapshot} a rebuild and the preview keep), nor do the stages, which run inside them.
 * </ul>
 */
class ArchitectureTest {
  /** The stages, in the order a build runs them. */
  static final List<String> STAGES =
      List.of("load", "validate", "measure", "explain", "render", "verify", "publish");

  /**
   * What starts a build: the pipeline's classes in the root package (Pipeline, Memory, Snapshot),
   * and any class nested in them.
   */
  static final String BUILD = "dev\\.kept\\.[A-Z][A-Za-z0-9]*(\\$.*)?";

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.kept");

  static Stream<String> stages() {
    return STAGES.stream();
  }

  private static String pkg(String name) {
    return "dev.kept." + name + "..";
  }

  @ParameterizedTest(name = "{0} imports no later stage")
  @MethodSource("stages")
  void noStageImportsALaterStage(String stage) {
    int at = STAGES.indexOf(stage);
    String[] later = STAGES.subList(at + 1, STAGES.size()).stream().map(ArchitectureTest::pkg).toArray(String[]::new);
    if (later.length == 0) {
      return; // publish is last: nothing comes after it
    }
    noClasses()
        .that().resideInAPackage(pkg(stage))
        .should().dependOnClassesThat().resideInAnyPackage(later)
        .because("a stage only uses what earlier stages made (" + String.join(" → ", STAGES) + ")")
        .check(CLASSES);
  }

  @Test
  void renderImportsNothingFromMeasure() {
    noClasses()
        .that().resideInAPackage(pkg("render"))
        .should().dependOnClassesThat().resideInAPackage(pkg("measure"))
        .because("render only renders: what is counted or judged comes from measure through explain")
        .check(CLASSES);
  }

  @Test
  void theModelImportsNoStage() {
    String[] outside =
        Stream.concat(STAGES.stream(), Stream.of("cli", "serve", "importer")).map(ArchitectureTest::pkg).toArray(String[]::new);
    noClasses()
        .that().resideInAPackage(pkg("model"))
        .should().dependOnClassesThat().resideInAnyPackage(outside)
        .orShould().dependOnClassesThat().resideInAPackage("dev.kept")
        .because("the model is the records every stage passes on; it depends on none of them")
        .check(CLASSES);
  }

  @Test
  void theSchemaPackageImportsNothingFromKept() {
    noClasses()
        .that().resideInAPackage(pkg("schema"))
        .should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are Kept's, outside dev.kept.schema",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    c.getPackageName().startsWith("dev.kept") && !c.getPackageName().equals("dev.kept.schema")))
        .because("the schemas are read by anyone (kept new charter) and depend on no stage")
        .check(CLASSES);
  }

  @Test
  void onlyCliAndServeStartABuild() {
    noClasses()
        .that().resideOutsideOfPackages(pkg("cli"), pkg("serve"))
        .and().haveNameNotMatching(BUILD)
        .should().dependOnClassesThat().haveNameMatching(BUILD)
        .because("a build is started by a command (cli) or the preview (serve), never by a stage")
        .check(CLASSES);
  }

  @Test
  void theStagesStartNoCommandAndNoPreview() {
    String[] stages = STAGES.stream().map(ArchitectureTest::pkg).toArray(String[]::new);
    noClasses()
        .that().resideInAnyPackage(stages)
        .should().dependOnClassesThat().resideInAnyPackage(pkg("cli"), pkg("serve"), pkg("importer"))
        .because("the stages are driven by the pipeline; the commands, the preview and the importer drive them")
        .check(CLASSES);
  }

  @Test
  void everyStageIsAPackageOfTheBuild() {
    // Guards the rules above against a renamed or moved stage, which would make them pass vacuously.
    for (String stage : STAGES) {
      boolean present = CLASSES.stream().anyMatch(c -> c.getPackageName().equals("dev.kept." + stage));
      org.assertj.core.api.Assertions.assertThat(present).as("classes in dev.kept.%s", stage).isTrue();
    }
    org.assertj.core.api.Assertions.assertThat(
            CLASSES.stream().anyMatch(c -> c.getName().matches(BUILD)))
        .as("dev.kept.Pipeline")
        .isTrue();
  }

  @Test
  void theRulesSeeTheDependenciesTheyForbid() {
    // The commands do start builds and the importer does judge with measure: rules of the same
    // shape as those above must see it, or they would pass whatever the code did.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> noClasses().that().resideInAPackage(pkg("cli"))
                .should().dependOnClassesThat().haveNameMatching(BUILD).check(CLASSES))
        .isInstanceOf(AssertionError.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> noClasses().that().resideInAPackage(pkg("importer"))
                .should().dependOnClassesThat().resideInAPackage(pkg("measure")).check(CLASSES))
        .isInstanceOf(AssertionError.class);
  }
}
