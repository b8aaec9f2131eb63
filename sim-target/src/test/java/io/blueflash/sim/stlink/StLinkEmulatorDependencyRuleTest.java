package io.blueflash.sim.stlink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** CONTRACTS C6: the emulator is JDK plus the simulated silicon and the probe-firmware helper only. */
class StLinkEmulatorDependencyRuleTest {

    @Test
    void emulatorDependsOnJdkAndSimChipDebugProbeOnly() {
        JavaClasses emulator = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.blueflash.sim.stlink");
        classes().that().resideInAPackage("io.blueflash.sim.stlink")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.blueflash.sim.stlink",
                        "io.blueflash.sim.chip..", "io.blueflash.sim.bus..", "io.blueflash.sim.trace..",
                        "io.blueflash.sim.debug..", "io.blueflash.sim.probe..")
                .check(emulator);
    }
}
