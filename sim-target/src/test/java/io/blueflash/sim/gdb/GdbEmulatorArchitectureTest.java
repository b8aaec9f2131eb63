package io.blueflash.sim.gdb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The BMP emulator is silicon-side code: JDK plus the simulated chip, debug port and probe engine only. */
class GdbEmulatorArchitectureTest {

    @Test
    void emulatorDependsOnJdkAndSimChipDebugProbeOnly() {
        classes().that().resideInAPackage("io.blueflash.sim.gdb..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.blueflash.sim.gdb..",
                        "io.blueflash.sim.chip..", "io.blueflash.sim.bus..", "io.blueflash.sim.trace..",
                        "io.blueflash.sim.debug..", "io.blueflash.sim.probe..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.blueflash.sim.gdb"));
    }
}
