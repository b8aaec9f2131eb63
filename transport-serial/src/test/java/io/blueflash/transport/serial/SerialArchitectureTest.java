package io.blueflash.transport.serial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Module-local rules of architecture §6.5 (6, 7): jssc stays behind the line seam. */
class SerialArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.blueflash.transport.serial");

    @Test
    void onlyTheLinePackageUsesJssc() {
        noClasses().that().resideOutsideOfPackage("io.blueflash.transport.serial.line..")
                .should().dependOnClassesThat().resideInAPackage("jssc..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void serialAdaptersUseNeitherServicesNorOtherAdapters() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.blueflash.service..", "io.blueflash.port.in..", "io.blueflash.transport.usb..",
                        "io.blueflash.sim..")
                .check(classes);
    }
}
