package io.blueflash.sim.cpu;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a bare-metal program on qemu-system-arm's Cortex-M3 machine (mps2-an385) one instruction
 * per translation block and returns the register state QEMU logs before every instruction
 * (R0–R15, xPSR): an architectural referee, not a timing one. The program ends with semihosting
 * SYS_EXIT. Debian packages qemu-system-arm and binutils-arm-none-eabi (.ci/run installs them).
 */
final class QemuReferee {

    private static final String LINKER_SCRIPT = "MEMORY { CODE (rx) : ORIGIN = 0, LENGTH = 64K }\n"
            + "SECTIONS { .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) } > CODE }\n";

    /** The program's flat binary (load at 0) and the states before each instruction. */
    record Run(byte[] image, List<int[]> states) {
    }

    private QemuReferee() {
    }

    /** {@code body} runs after reset with SP = 0x2000_8000; it must end with the exit sequence. */
    static Run run(String body) {
        String source = ".syntax unified\n.cpu cortex-m3\n.thumb\n.section .vectors\n.word 0x20008000\n"
                + ".word _start + 1\n.text\n.thumb_func\n.global _start\n_start:\n" + body
                + "\n  mov r0, #0x18\n  ldr r1, =0x20026\n  bkpt #0xab\n  b .\n.ltorg\n";
        return ExternalTools.inTemporaryDirectory("qemu-system-arm and binutils-arm-none-eabi", dir -> {
            Files.writeString(dir.resolve("p.s"), source, StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("p.ld"), LINKER_SCRIPT, StandardCharsets.US_ASCII);
            ExternalTools.run(dir, 60, "arm-none-eabi-as", "-o", "p.o", "p.s");
            ExternalTools.run(dir, 60, "arm-none-eabi-ld", "-T", "p.ld", "-o", "p.elf", "p.o");
            ExternalTools.run(dir, 60, "arm-none-eabi-objcopy", "-O", "binary", "p.elf", "p.bin");
            ExternalTools.run(dir, 120, "qemu-system-arm", "-M", "mps2-an385", "-nographic", "-monitor", "none",
                    "-serial", "none", "-semihosting", "-kernel", "p.elf", "-d", "cpu", "-singlestep", "-D", "trace.txt");
            return new Run(Files.readAllBytes(dir.resolve("p.bin")), parse(Files.readAllLines(dir.resolve("trace.txt"))));
        });
    }

    /** Lines "R00=… R01=… R02=… R03=…" ×4 then "XPSR=… ", one block per executed instruction. */
    private static List<int[]> parse(List<String> lines) {
        List<int[]> states = new ArrayList<>();
        int[] current = null;
        for (String line : lines) {
            for (String field : line.trim().split("\\s+")) {
                int equals = field.indexOf('=');
                if (equals < 0) {
                    continue;
                }
                String name = field.substring(0, equals);
                int value = (int) Long.parseLong(field.substring(equals + 1), 16);
                if (name.equals("R00")) {
                    current = new int[17];
                }
                if (current == null) {
                    continue;
                }
                if (name.startsWith("R") && name.length() == 3 && Character.isDigit(name.charAt(1))) {
                    current[Integer.parseInt(name.substring(1))] = value;
                } else if (name.equals("XPSR")) {
                    current[16] = value;
                    states.add(current);
                    current = null;
                }
            }
        }
        return states;
    }
}
