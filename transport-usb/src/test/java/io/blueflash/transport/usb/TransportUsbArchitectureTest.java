package io.blueflash.transport.usb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Module-local rules of architecture-and-style §6.5 (rules 6 and 7) for the ST-Link transport. */
class TransportUsbArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.blueflash.transport.usb");

    @Test
    void onlyTheLibusbPackageUsesUsb4java() {
        noClasses().that().resideOutsideOfPackage("..transport.usb.libusb..")
                .should().dependOnClassesThat().resideInAPackage("org.usb4java..")
                .check(classes);
    }

    @Test
    void onlyOneClassImportsUsb4java() {
        noClasses().that().doNotHaveSimpleName("LibUsbStLinkChannel")
                .should().dependOnClassesThat().resideInAPackage("org.usb4java..")
                .check(classes);
    }

    @Test
    void transportNeverUsesSimulatorOtherAdaptersOrServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.blueflash.sim..",
                        "io.blueflash.transport.serial..", "io.blueflash.service..", "io.blueflash.port.in..",
                        "io.blueflash.cli..")
                .check(classes);
    }

    @Test
    void protocolDoesNotDependOnTheLibusbPackage() {
        noClasses().that().resideInAPackage("..transport.usb.stlink..")
                .should().dependOnClassesThat().resideInAPackage("..transport.usb.libusb..")
                .check(classes);
    }

    @Test
    void stlinkServerClientDoesNotDependOnTheLibusbPackage() {
        noClasses().that().resideInAPackage("..transport.usb.server..")
                .should().dependOnClassesThat().resideInAPackage("..transport.usb.libusb..")
                .check(classes);
    }
}
