package io.blueflash.sim.adapter;

import io.blueflash.sim.chip.FaultInjector;

import java.util.Locale;

/**
 * Parses the transport option {@value SimulatedProbeConnector#FAULTS_OPTION} (the CLI's
 * {@code --sim-fault}) into the chip's {@link FaultInjector}: comma-separated items
 * {@code power-loss-after=N} (bus writes), {@code wait-storm=N} (SWD transactions answering WAIT),
 * {@code nrst-not-wired}, {@code bus-fault-at=ADDR}. Parity errors are refused: the chip injects them on
 * its bit-level SWD line ({@code Stm32F103.swdLine()}), which this adapter's transaction-level probe
 * does not drive, so they would silently do nothing.
 */
final class SimFaultOptions {

    static final String GRAMMAR = "power-loss-after=N, wait-storm=N, nrst-not-wired, bus-fault-at=ADDR";

    private SimFaultOptions() {
    }

    static void apply(String spec, FaultInjector faults) {
        for (String item : spec.split(",")) {
            String text = item.trim().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                continue;
            }
            int eq = text.indexOf('=');
            String name = eq < 0 ? text : text.substring(0, eq).trim();
            String value = eq < 0 ? "" : text.substring(eq + 1).trim();
            switch (name) {
                case "power-loss-after" -> faults.powerLossAfterBusWrites(number(name, value));
                case "wait-storm" -> faults.waitStorm(Math.toIntExact(number(name, value)));
                case "parity-errors" -> throw bad(item, "parity errors are injected on the bit-level SWD line "
                        + "(Java API: Stm32F103.faults().corruptReadParity with swdLine()), which --probe sim does not drive");
                case "nrst-not-wired" -> {
                    if (!value.isEmpty()) {
                        throw bad(item, "takes no value");
                    }
                    faults.nrstNotWired(true);
                }
                case "bus-fault-at" -> faults.faultOnAddress((int) number(name, value));
                default -> throw bad(item, "unknown fault");
            }
        }
    }

    private static long number(String name, String value) {
        if (value.isEmpty()) {
            throw bad(name, "needs a value, e.g. " + name + "=10");
        }
        try {
            long n = value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
            if (n < 0 || n > 0xFFFF_FFFFL || (n == 0 && name.equals("power-loss-after"))) {
                throw bad(name + "=" + value, "out of range");
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(name + "=" + value, "not a number");
        }
    }

    private static IllegalArgumentException bad(String item, String why) {
        return new IllegalArgumentException("simulator fault '" + item.trim() + "': " + why + "; known faults: " + GRAMMAR);
    }
}
