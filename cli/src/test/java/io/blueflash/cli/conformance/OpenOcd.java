package io.blueflash.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/** OpenOCD 0.12 command lines for the two ways in (conformance.md); its own servers are switched off. */
final class OpenOcd {

    private OpenOcd() {
    }

    /** OpenOCD's real ST-Link driver talking to our stlink-server. */
    static List<String> stLinkTcp(int port) {
        return new ArrayList<>(List.of("openocd", "-f", "interface/stlink.cfg",
                "-c", "hla_stlink_backend tcp " + port));
    }

    /** OpenOCD's remote_bitbang JTAG driver talking to our TAP chain. */
    static List<String> remoteBitbang(int port) {
        return new ArrayList<>(List.of("openocd", "-c", "adapter driver remote_bitbang",
                "-c", "remote_bitbang port " + port, "-c", "remote_bitbang host 127.0.0.1"));
    }

    /**
     * The target config and the flash flow of the issue: init; reset halt; flash probe 0;
     * flash write_image erase; verify_image; shutdown.
     *
     * @param workAreaSize null keeps the config's default (a RAM work area, so OpenOCD runs its loader on the core)
     */
    static String[] flashFlow(List<String> adapter, String workAreaSize, String fwBin) {
        List<String> c = new ArrayList<>(adapter);
        c.addAll(List.of("-c", "gdb_port disabled", "-c", "tcl_port disabled", "-c", "telnet_port disabled"));
        if (workAreaSize != null) {
            c.addAll(List.of("-c", "set WORKAREASIZE " + workAreaSize));
        }
        c.addAll(List.of("-f", "target/stm32f1x.cfg",
                "-c", "init", "-c", "reset halt", "-c", "flash probe 0",
                "-c", "flash write_image erase " + fwBin + " 0x08000000",
                "-c", "verify_image " + fwBin + " 0x08000000",
                "-c", "shutdown"));
        return c.toArray(String[]::new);
    }

    /** {@code program FILE verify reset exit} with the config's default work area: loader, CRC verify, reset and run. */
    static String[] program(List<String> adapter, String elf) {
        List<String> c = withoutServers(adapter);
        c.addAll(List.of("-f", "target/stm32f1x.cfg", "-c", "program " + elf + " verify reset exit"));
        return c.toArray(String[]::new);
    }

    /** Attaches without halting and lets the firmware run for {@code millis} of wall time while OpenOCD polls it. */
    static String[] watchRunning(List<String> adapter, int millis) {
        List<String> c = withoutServers(adapter);
        c.addAll(List.of("-f", "target/stm32f1x.cfg", "-c", "init", "-c", "sleep " + millis, "-c", "shutdown"));
        return c.toArray(String[]::new);
    }

    /**
     * A 64 KB write with the default work area (OpenOCD's loader): after a mass erase with
     * {@code flash write_image} (no erase), or with {@code flash write_image erase} (page erase); or
     * neither ({@code bin == null}), the baseline of init + reset halt to subtract. The bank is declared
     * 128 KB ({@code FLASH_SIZE}, present on the C8): with 64 KB OpenOCD would turn the erase of every
     * page into a mass erase.
     */
    static String[] timedWrite(List<String> adapter, String bin, boolean massErase) {
        List<String> c = withoutServers(adapter);
        c.addAll(List.of("-c", "set FLASH_SIZE 0x20000",
                "-f", "target/stm32f1x.cfg", "-c", "init", "-c", "reset halt"));
        if (bin != null && massErase) {
            c.addAll(List.of("-c", "stm32f1x mass_erase 0", "-c", "flash write_image " + bin + " 0x08000000"));
        } else if (bin != null) {
            c.addAll(List.of("-c", "flash write_image erase " + bin + " 0x08000000"));
        }
        c.addAll(List.of("-c", "shutdown"));
        return c.toArray(String[]::new);
    }

    /** {@code target/stm32f1x.cfg}, then each of {@code commands} with {@code -c}, then shutdown. */
    static String[] commands(List<String> adapter, String... commands) {
        List<String> c = withoutServers(adapter);
        c.addAll(List.of("-f", "target/stm32f1x.cfg"));
        for (String command : commands) {
            c.addAll(List.of("-c", command));
        }
        c.addAll(List.of("-c", "shutdown"));
        return c.toArray(String[]::new);
    }

    private static List<String> withoutServers(List<String> adapter) {
        List<String> c = new ArrayList<>(adapter);
        c.addAll(List.of("-c", "gdb_port disabled", "-c", "tcl_port disabled", "-c", "telnet_port disabled"));
        return c;
    }
}
