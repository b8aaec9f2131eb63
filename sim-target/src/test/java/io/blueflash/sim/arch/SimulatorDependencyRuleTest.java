package io.blueflash.sim.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.blueflash.sim.trace.SwdAck;
import org.junit.jupiter.api.Test;

/** architecture-and-style §6.5 rule 8: the simulated silicon models the chip, not our core. */
class SimulatorDependencyRuleTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.blueflash.sim");

    private static final String[] SILICON = {"io.blueflash.sim.chip..", "io.blueflash.sim.debug..",
            "io.blueflash.sim.cpu..", "io.blueflash.sim.bus..", "io.blueflash.sim.trace.."};

    @Test
    void givenSiliconModel_whenImported_thenDependsOnJdkAndItselfOnly() {
        classes().that().resideInAnyPackage(SILICON)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(java.util.stream.Stream.concat(java.util.stream.Stream.of("java.."),
                        java.util.Arrays.stream(SILICON)).toArray(String[]::new))
                .check(MAIN);
    }

    /**
     * Issue 15: {@code Stm32F103} is the composition root of the silicon. The debug port, the core and
     * the peripherals know only the shared bus, clock and trace types below them, never the chip; the
     * shared types know none of the parts.
     */
    @Test
    void givenChipParts_whenImported_thenTheyDependOnTheSharedTypesNotOnTheChipNorEachOther() {
        noClasses().that().resideInAnyPackage("io.blueflash.sim.debug..", "io.blueflash.sim.cpu..",
                        "io.blueflash.sim.chip.periph..")
                .should().dependOnClassesThat(DescribedPredicate.describe("classes of sim.chip itself",
                        c -> c.getPackageName().equals("io.blueflash.sim.chip")))
                .check(MAIN);
        noClasses().that().resideInAPackage("io.blueflash.sim.debug..")
                .should().dependOnClassesThat().resideInAnyPackage("io.blueflash.sim.cpu..", "io.blueflash.sim.chip.periph..")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.blueflash.sim.cpu..")
                .should().dependOnClassesThat().resideInAnyPackage("io.blueflash.sim.debug..", "io.blueflash.sim.chip.periph..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("io.blueflash.sim.bus..", "io.blueflash.sim.trace..")
                .should().dependOnClassesThat().resideInAnyPackage("io.blueflash.sim.chip..", "io.blueflash.sim.debug..",
                        "io.blueflash.sim.cpu..")
                .check(MAIN);
    }

    @Test
    void givenSimulator_whenSlicedByFullPackage_thenItHasNoCycles() {
        slices().matching("io.blueflash.sim.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void givenSimAdapter_whenImported_thenUsesNeitherOtherAdaptersNorServicesNorDrivingPorts() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage("io.blueflash.sim.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("io.blueflash.service..", "io.blueflash.port.in..",
                        "io.blueflash.transport..", "io.blueflash.sim.stlink..", "io.blueflash.sim.gdb..",
                        "io.blueflash.sim.jtag..", "io.blueflash.sim.bootloader..", "io.blueflash.cli..")
                .check(MAIN);
    }

    @Test
    void givenProbeEngine_whenImported_thenDependsOnJdkAndTheSwdSeamOnly() {
        classes().that().resideInAPackage("io.blueflash.sim.probe..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "io.blueflash.sim.debug..",
                        "io.blueflash.sim.probe..").or(JavaClass.Predicates.equivalentTo(SwdAck.class)))
                .check(MAIN);
    }

    @Test
    void givenWaveforms_whenImported_thenDependOnJdkAndTheSiliconModelOnly() {
        classes().that().resideInAPackage("io.blueflash.sim.wave..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(java.util.stream.Stream.concat(java.util.stream.Stream.of("java..", "io.blueflash.sim.wave.."),
                        java.util.Arrays.stream(SILICON)).toArray(String[]::new))
                .check(MAIN);
    }
}
