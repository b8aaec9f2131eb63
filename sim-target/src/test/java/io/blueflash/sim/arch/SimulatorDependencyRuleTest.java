package io.blueflash.sim.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** architecture-and-style §6.5 rule 8: the simulated silicon models the chip, not our core. */
class SimulatorDependencyRuleTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.blueflash.sim");

    @Test
    void givenSiliconModel_whenImported_thenDependsOnJdkAndItselfOnly() {
        classes().that().resideInAnyPackage("io.blueflash.sim.chip..", "io.blueflash.sim.debug..", "io.blueflash.sim.cpu..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.blueflash.sim.chip..", "io.blueflash.sim.debug..", "io.blueflash.sim.cpu..")
                .check(MAIN);
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
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.blueflash.sim.debug..", "io.blueflash.sim.probe..")
                .check(MAIN);
    }
}
