package io.blueflash.sim.serve;

import io.blueflash.sim.bootloader.HostLine;
import io.blueflash.sim.chip.BootMode;
import io.blueflash.sim.chip.Stm32F103;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The board's buttons and wires while {@code sim serve} runs (issue 13 item 8): a pty has no modem
 * lines and a simulated board no reset button, so a line-based text channel on 127.0.0.1 stands for
 * them. One command a line, one reply a line ({@code ok ...} or {@code error: ...}):
 * <ul>
 * <li>{@code reset}: a pulse on NRST; {@code nrst low|high} holds or releases it.</li>
 * <li>{@code boot0 high|low}: the BOOT0 pin (BOOT1 low), sampled at the next reset (RM0008 §3.4).</li>
 * <li>{@code rts 0|1}, {@code dtr 0|1}: the host UART's modem lines as a USB-serial adapter drives them
 *     (1 = asserted), wired to NRST and BOOT0 as {@link Wiring} says; this is what stm32flash's
 *     {@code -i} GPIO sequences drive through the modem-line shim.</li>
 * <li>{@code modem RTS DTR} (each 0|1): both lines at once, as one TIOCMSET of a serial port sets
 *     them (the modem-line shim sends this); BOOT0 then takes its level before NRST does.</li>
 * <li>{@code baud N}: the rate the host's serial port is set to (what the bootloader locks to at 0x7F).</li>
 * <li>{@code status}, {@code help}.</li>
 * </ul>
 * Every command acts on the chip under the server's chip lock, between two client requests.
 */
public final class ControlChannel {

    /**
     * How the host's modem lines reach the board. The usual auto-boot circuit: DTR asserted pulls NRST
     * low, RTS asserted drives BOOT0 high. {@code nrst=dtr,boot0=rts}; a {@code !} inverts a line.
     */
    public record Wiring(String nrstLine, boolean nrstInverted, String boot0Line, boolean boot0Inverted) {

        public static final Wiring USUAL = parse("nrst=dtr,boot0=rts");

        public static Wiring parse(String text) {
            String nrst = null, boot0 = null;
            boolean nrstInv = false, boot0Inv = false;
            for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
                String[] kv = part.trim().split("=");
                if (kv.length != 2) {
                    throw new IllegalArgumentException("wiring item '" + part + "': expected nrst=LINE or boot0=LINE");
                }
                boolean inverted = kv[1].startsWith("!");
                String line = inverted ? kv[1].substring(1) : kv[1];
                if (!line.equals("rts") && !line.equals("dtr")) {
                    throw new IllegalArgumentException("wiring item '" + part + "': the line is rts or dtr");
                }
                switch (kv[0]) {
                    case "nrst" -> { nrst = line; nrstInv = inverted; }
                    case "boot0" -> { boot0 = line; boot0Inv = inverted; }
                    default -> throw new IllegalArgumentException("wiring item '" + part + "': the pin is nrst or boot0");
                }
            }
            return new Wiring(nrst, nrstInv, boot0, boot0Inv);
        }
    }

    private final SimServer server;
    private final HostLine line;
    private final Wiring wiring;
    private boolean rts;
    private boolean dtr;

    /**
     * @param line the host UART the bootloader listens to, or null when no front end has one
     */
    public ControlChannel(SimServer server, HostLine line, Wiring wiring) {
        this.server = Objects.requireNonNull(server, "'server' must not be null");
        this.line = line;
        this.wiring = Objects.requireNonNull(wiring, "'wiring' must not be null");
    }

    /** Serves one controlling client until it closes the connection. */
    public void serve(InputStream in, OutputStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII), true);
        String request;
        while ((request = reader.readLine()) != null) {
            if (request.isBlank()) {
                continue;
            }
            String[] words = request.trim().toLowerCase(Locale.ROOT).split("\\s+");
            String reply;
            try {
                reply = server.withChip(chip -> execute(chip, words));
            } catch (IllegalArgumentException e) {
                reply = "error: " + e.getMessage();
            }
            writer.println(reply);
        }
    }

    /** One command on the chip; the reply line. */
    synchronized String execute(Stm32F103 chip, String[] words) {
        switch (words[0]) {
            case "reset" -> {
                chip.setNrst(true);
                chip.setNrst(false);
                return "ok reset; " + status(chip);
            }
            case "nrst" -> {
                chip.setNrst(level(words, "low", "high"));
                return "ok " + status(chip);
            }
            case "boot0" -> {
                chip.setBootMode(level(words, "high", "low") ? BootMode.SYSTEM_MEMORY : BootMode.MAIN_FLASH);
                return "ok " + status(chip);
            }
            case "rts", "dtr" -> {
                boolean asserted = level(words, "1", "0");
                if (words[0].equals("rts")) {
                    rts = asserted;
                } else {
                    dtr = asserted;
                }
                applyModemLines(chip);
                return "ok " + status(chip);
            }
            case "modem" -> {
                if (words.length != 3 || !words[1].matches("[01]") || !words[2].matches("[01]")) {
                    throw new IllegalArgumentException("usage: modem RTS DTR (each 0|1)");
                }
                rts = words[1].equals("1");
                dtr = words[2].equals("1");
                applyModemLines(chip);
                return "ok " + status(chip);
            }
            case "baud" -> {
                if (line == null) {
                    throw new IllegalArgumentException("no UART front end is served (--bootloader-pty)");
                }
                if (words.length != 2 || !words[1].matches("\\d{1,7}")) {
                    throw new IllegalArgumentException("usage: baud N");
                }
                line.setBaud(Integer.parseInt(words[1]));
                return "ok " + status(chip);
            }
            case "status" -> {
                return "ok " + status(chip);
            }
            case "help" -> {
                return "ok commands: reset | nrst low|high | boot0 high|low | rts 0|1 | dtr 0|1 | modem RTS DTR | baud N | status";
            }
            default -> throw new IllegalArgumentException("unknown command '" + words[0] + "' (try help)");
        }
    }

    private void applyModemLines(Stm32F103 chip) {
        if (wiring.boot0Line() != null) {
            boolean high = lineLevel(wiring.boot0Line()) != wiring.boot0Inverted();
            chip.setBootMode(high ? BootMode.SYSTEM_MEMORY : BootMode.MAIN_FLASH);
        }
        if (wiring.nrstLine() != null) {
            chip.setNrst(lineLevel(wiring.nrstLine()) != wiring.nrstInverted());
        }
    }

    private boolean lineLevel(String name) {
        return name.equals("rts") ? rts : dtr;
    }

    private static boolean level(String[] words, String on, String off) {
        if (words.length == 2 && words[1].equals(on)) {
            return true;
        }
        if (words.length == 2 && words[1].equals(off)) {
            return false;
        }
        throw new IllegalArgumentException("usage: " + words[0] + " " + on + "|" + off);
    }

    private String status(Stm32F103 chip) {
        return String.format("boot0 %s nrst %s rts %d dtr %d%s", chip.bootMode() == BootMode.SYSTEM_MEMORY ? "high" : "low",
                chip.isNrstAsserted() ? "low" : "high", rts ? 1 : 0, dtr ? 1 : 0, line == null ? "" : " baud " + line.baud());
    }
}
