package io.blueflash.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.blueflash.cli.FlashToolMain;
import org.junit.jupiter.api.Test;

/**
 * architecture-and-style §6.5 rules 6, 7, 9 and 10 over every module's main classes: the cli test
 * class path is the only one that holds them all (api, sim-target, both transports, cli).
 */
class WholeSystemArchitectureTest {

    private static final String USB = "io.blueflash.transport.usb..";
    private static final String SERIAL = "io.blueflash.transport.serial..";
    private static final String SIM_ADAPTER = "io.blueflash.sim.adapter..";
    private static final String SERVICE = "io.blueflash.service..";
    private static final String PORT_IN = "io.blueflash.port.in..";
    private static final String GDB_SERVER = "io.blueflash.gdbserver..";

    /** Main classes only: neither test-classes directories nor test-jars (api's contract tests). */
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.blueflash");

    @Test
    void givenAllModules_whenImported_thenEveryModuleIsSeen() {
        // guards the rules below against passing vacuously on a class path that lost a module
        org.assertj.core.api.Assertions.assertThat(ALL.stream().map(c -> c.getPackageName()))
                .anySatisfy(p -> org.assertj.core.api.Assertions.assertThat(p).startsWith("io.blueflash.port.out"))
                .anySatisfy(p -> org.assertj.core.api.Assertions.assertThat(p).startsWith("io.blueflash.sim"))
                .anySatisfy(p -> org.assertj.core.api.Assertions.assertThat(p).startsWith("io.blueflash.transport.serial"))
                .anySatisfy(p -> org.assertj.core.api.Assertions.assertThat(p).startsWith("io.blueflash.gdbserver"))
                .anySatisfy(p -> org.assertj.core.api.Assertions.assertThat(p).startsWith("io.blueflash.cli"));
    }

    @Test
    void rule6_onlyTheLibusbPackageUsesUsb4java() {
        noClasses().that().resideOutsideOfPackage("io.blueflash.transport.usb.libusb..")
                .should().dependOnClassesThat().resideInAPackage("org.usb4java..")
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void rule6_onlyTheSerialLinePackageUsesJssc() {
        noClasses().that().resideOutsideOfPackage("io.blueflash.transport.serial.line..")
                .should().dependOnClassesThat().resideInAPackage("jssc..")
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void rule7_usbAdapterUsesNoOtherAdapterNorServiceNorDrivingPort() {
        noClasses().that().resideInAPackage(USB)
                .should().dependOnClassesThat().resideInAnyPackage(SERIAL, SIM_ADAPTER, SERVICE, PORT_IN)
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void rule7_serialAdapterUsesNoOtherAdapterNorServiceNorDrivingPort() {
        noClasses().that().resideInAPackage(SERIAL)
                .should().dependOnClassesThat().resideInAnyPackage(USB, SIM_ADAPTER, SERVICE, PORT_IN)
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void rule7_simAdapterUsesNoOtherAdapterNorServiceNorDrivingPort() {
        noClasses().that().resideInAPackage(SIM_ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage(USB, SERIAL, SERVICE, PORT_IN)
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void rule9_cliNeverDependsOnAdapters() {
        noClasses().that().resideInAPackage("io.blueflash.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(USB, SERIAL, SIM_ADAPTER)
                .check(ALL);
    }

    @Test
    void rule9_onlyTheCompositionRootDependsOnServices() {
        noClasses().that().resideInAPackage("io.blueflash.cli..")
                .and().doNotBelongToAnyOf(FlashToolMain.class)
                .should().dependOnClassesThat().resideInAPackage(SERVICE)
                .check(ALL);
    }

    /**
     * {@code gdb-server} is a driving adapter (issue 18): it reaches the target through the core's
     * driven ports and the use cases it is handed, never through a transport, the simulator, a service
     * (the composition root builds those) or the CLI; and only the CLI registers it.
     */
    @Test
    void gdbServerIsADrivingAdapterOnTheCoreOnly() {
        noClasses().that().resideInAPackage(GDB_SERVER)
                .should().dependOnClassesThat().resideInAnyPackage(USB, SERIAL, "io.blueflash.sim..", SERVICE,
                        "io.blueflash.cli..", "io.blueflash.bench..")
                .check(ALL);
        noClasses().that().resideOutsideOfPackages(GDB_SERVER, "io.blueflash.cli..")
                .should().dependOnClassesThat().resideInAPackage(GDB_SERVER)
                .check(ALL);
    }

    /**
     * The bench module ({@code io.blueflash.bench}) wires each transport to its emulator in-process (a
     * second composition root, for measurements only). The CLI registers its subcommand and knows
     * nothing else of it; no adapter, core or simulator class leans on it.
     */
    @Test
    void benchIsReachedOnlyThroughItsSubcommand() {
        noClasses().that().resideOutsideOfPackage("io.blueflash.bench..")
                .and().doNotBelongToAnyOf(FlashToolMain.class)
                .should().dependOnClassesThat().resideInAPackage("io.blueflash.bench..")
                .check(ALL);
        noClasses().that().belongToAnyOf(FlashToolMain.class)
                .should().dependOnClassesThat(DescribedPredicate.describe("bench classes other than BenchCommand",
                        c -> c.getPackageName().startsWith("io.blueflash.bench")
                                && !c.getName().equals("io.blueflash.bench.command.BenchCommand")))
                .check(ALL);
    }

    /**
     * Sliced by full package name, so that a cycle between a package and its subpackage counts (the
     * first-segment slicing this replaced could see none). Strict: no cycle is tolerated (issue 15).
     */
    @Test
    void rule10_packagesAreFreeOfCycles() {
        slices().matching("io.blueflash.(**)").should().beFreeOfCycles()
                .check(ALL);
    }
}
