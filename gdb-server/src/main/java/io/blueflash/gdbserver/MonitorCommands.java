package io.blueflash.gdbserver;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.EraseFlashRequest;
import io.blueflash.port.out.CoreControl;
import io.blueflash.progress.ProgressListener;
import java.util.Locale;

/**
 * gdb's {@code monitor} commands ({@code qRcmd}): {@code reset [halt|run]}, {@code halt},
 * {@code erase} (mass erase through the erase use case) and {@code help}. Each returns the text gdb
 * prints.
 */
final class MonitorCommands {

    static final String HELP = """
            blueflash gdb-server monitor commands:
              monitor reset        reset the chip (SYSRESETREQ) and let the firmware run
              monitor reset halt   reset and stop at the reset vector
              monitor halt         stop the core
              monitor erase        mass-erase the main flash
            """;

    private final CoreControl core;
    private final FlashUseCases useCases;
    private final ProbeSelector held;

    MonitorCommands(CoreControl core, FlashUseCases useCases, ProbeSelector held) {
        this.core = core;
        this.useCases = useCases;
        this.held = held;
    }

    String run(String line) {
        String command = line.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (command) {
            case "reset", "reset run" -> {
                core.resetAndRun();
                return "target reset (SYSRESETREQ), running\n";
            }
            case "reset halt", "reset init" -> {
                core.resetAndHalt();
                return String.format("target reset (SYSRESETREQ), halted at the reset vector: pc 0x%08x%n",
                        core.readCoreRegister(CoreRegisters.PC));
            }
            case "halt" -> {
                core.halt();
                return String.format("target halted: pc 0x%08x%n", core.readCoreRegister(CoreRegisters.PC));
            }
            case "erase", "erase mass", "erase all" -> {
                useCases.erase().erase(EraseFlashRequest.mass(held, ConnectOptions.defaults(), ProgressListener.NONE));
                return "main flash mass-erased\n";
            }
            case "help", "" -> {
                return HELP;
            }
            default -> {
                return "unknown monitor command '" + line.trim() + "'\n" + HELP;
            }
        }
    }
}
