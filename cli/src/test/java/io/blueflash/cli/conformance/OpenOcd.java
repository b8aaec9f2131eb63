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
}
