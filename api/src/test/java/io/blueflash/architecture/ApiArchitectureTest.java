package io.blueflash.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The api module's own rules of architecture-and-style §6.5 (1–5, 10). */
class ApiArchitectureTest {

    private static JavaClasses api;

    @BeforeAll
    static void importApi() {
        api = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.blueflash");
    }

    @Test
    void rule1_apiDependsOnTheJdkOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.blueflash..", "java..")
                .because("api is the hexagonal core: JDK only").check(api);
    }

    @Test
    void rule2_layersPointInwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Service").definedBy("io.blueflash.service..")
                .layer("Core").definedBy("io.blueflash.flash..", "io.blueflash.chip..", "io.blueflash.image..",
                        "io.blueflash.progress..", "io.blueflash.port..")
                .layer("Debug").definedBy("io.blueflash.debug..")
                .layer("Model").definedBy("io.blueflash.model..")
                .whereLayer("Service").mayNotBeAccessedByAnyLayer()
                .whereLayer("Debug").mayNotBeAccessedByAnyLayer()
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Service", "Debug")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Service", "Core", "Debug")
                .withOptionalLayers(true)
                .check(api);
    }

    @Test
    void rule2_flashAndChipReachTheTargetOnlyThroughPortInterfaces() {
        noClasses().that().resideInAnyPackage("io.blueflash.flash..", "io.blueflash.chip..")
                .should().dependOnClassesThat().resideInAnyPackage("io.blueflash.service..", "io.blueflash.debug..",
                        "io.blueflash.port.in..")
                .check(api);
    }

    @Test
    void rule3_portsDependNeitherOnServicesNorDebugNorOnEachOther() {
        noClasses().that().resideInAPackage("io.blueflash.port.in..")
                .should().dependOnClassesThat().resideInAnyPackage("io.blueflash.port.out..", "io.blueflash.service..",
                        "io.blueflash.flash..", "io.blueflash.debug..", "io.blueflash.chip..")
                .check(api);
        noClasses().that().resideInAPackage("io.blueflash.port.out..")
                .should().dependOnClassesThat().resideInAnyPackage("io.blueflash.port.in..", "io.blueflash.service..",
                        "io.blueflash.flash..", "io.blueflash.debug..", "io.blueflash.progress..")
                .check(api);
    }

    @Test
    void rule4_servicesDoNotComposeDebugLayers() {
        noClasses().that().resideInAPackage("io.blueflash.service..")
                .should().dependOnClassesThat().resideInAPackage("io.blueflash.debug..")
                .because("only adapters compose debug.adi / debug.cortexm").check(api);
    }

    /** The teaching trace's step values (issue 17) are the one addition: debug names its steps. */
    @Test
    void rule5_debugDependsOnPortOutAndModelOnly() {
        classes().that().resideInAPackage("io.blueflash.debug..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.blueflash.debug..",
                        "io.blueflash.port.out..", "io.blueflash.model..", "io.blueflash.trace..", "java..")
                .check(api);
    }

    /** Sliced by full package name: a cycle between a package and its subpackage counts (issue 15). */
    @Test
    void rule10_packagesAreFreeOfCycles() {
        slices().matching("io.blueflash.(**)").should().beFreeOfCycles().check(api);
    }

    /**
     * Services know no chip family: they reach flash only through {@code FlashDriver}/{@code FlashFamily},
     * which the chip catalog names, so a new family touches its own package and the catalog only.
     */
    @Test
    void servicesKnowNoChipFamily() {
        noClasses().that().resideInAPackage("io.blueflash.service..")
                .should().dependOnClassesThat(DescribedPredicate.describe("a chip family's classes",
                        c -> c.getPackageName().startsWith("io.blueflash.flash.") || c.getSimpleName().startsWith("Stm32")))
                .check(api);
    }

    /** The generic flash package names no family: the family is chosen through the catalog. */
    @Test
    void genericFlashPackageKnowsNoFamily() {
        noClasses().that().resideInAPackage("io.blueflash.flash")
                .should().dependOnClassesThat().resideInAPackage("io.blueflash.flash.*..")
                .check(api);
    }
}
