package io.blueflash.gdbserver;

import io.blueflash.sim.firmware.FirmwareBuild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** gdb-multiarch in batch mode, one {@code -ex} per command; fails (never skips) when it is not installed. */
final class GdbBatch {

    private GdbBatch() {
    }

    static FirmwareBuild.Run run(Path elf, List<String> commands) {
        FirmwareBuild.requireTool("gdb-multiarch", "gdb-multiarch");
        List<String> c = new ArrayList<>(List.of("gdb-multiarch", "-nx", "-batch",
                "-ex", "set confirm off", "-ex", "set pagination off"));
        for (String command : commands) {
            c.add("-ex");
            c.add(command);
        }
        c.add(elf.toString());
        return FirmwareBuild.Run.of(c, elf.getParent(), Integer.getInteger("gdb.timeout", 120));
    }
}
