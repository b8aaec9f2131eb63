package io.blueflash.sim.wave;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The GPIO pins of the simulated chip's package (RM0008 §9.1), one wire each ({@code PA0},
 * {@code PC13}, ...), following the edges the chip reports while firmware runs. Only pins the
 * package bonds out are declared: the profile's pin-count letter (STM32F103x8 datasheet §3,
 * ordering information) says which.
 */
public final class GpioWaveform {

    private final VcdWriter vcd;
    private final Map<String, VcdWriter.Wire> wires = new HashMap<>();
    private long edges;

    /**
     * @param pins     the pin names to declare, e.g. {@code PA0}
     * @param levelNow the level of port/pin at the start of the recording
     */
    public GpioWaveform(VcdWriter vcd, List<String> pins, BiPredicate<Character, Integer> levelNow) {
        this.vcd = Objects.requireNonNull(vcd, "'vcd' must not be null");
        for (String pin : pins) {
            char port = pin.charAt(1);
            int number = Integer.parseInt(pin.substring(2));
            wires.put(pin, vcd.wire("gpio" + Character.toLowerCase(port), pin,
                    levelNow.test(port, number) ? '1' : '0'));
        }
    }

    /** Edges drawn so far (of declared pins). */
    public long edges() {
        return edges;
    }

    /** {@code P<port><pin>} went {@code high} (or low) at {@code nanos}; pins the package lacks are ignored. */
    public void edge(long nanos, char port, int pin, boolean high) {
        VcdWriter.Wire wire = wires.get("P" + port + pin);
        if (wire != null) {
            vcd.change(nanos, wire, high ? '1' : '0');
            edges++;
        }
    }

    /**
     * The GPIO pins bonded out in the package the part number names by its pin-count letter
     * (STM32F103: T 36, C 48, R 64, V 100, Z 144 pins), e.g. {@code stm32f103c8}: PA0–PA15,
     * PB0–PB15, PC13–PC15, PD0–PD1; an unknown letter gets ports A–C.
     */
    public static List<String> bondedPins(String partNumber) {
        String name = partNumber.toLowerCase(java.util.Locale.ROOT);
        char letter = name.length() >= 2 ? name.charAt(name.length() - 2) : '?';
        java.util.ArrayList<String> pins = new java.util.ArrayList<>();
        switch (letter) {
            case 't' -> {
                range(pins, 'A', 0, 15);
                range(pins, 'B', 0, 7);
                range(pins, 'D', 0, 1);
            }
            case 'c' -> {
                range(pins, 'A', 0, 15);
                range(pins, 'B', 0, 15);
                range(pins, 'C', 13, 15);
                range(pins, 'D', 0, 1);
            }
            case 'r' -> {
                range(pins, 'A', 0, 15);
                range(pins, 'B', 0, 15);
                range(pins, 'C', 0, 15);
                range(pins, 'D', 0, 2);
            }
            case 'v' -> {
                for (char port = 'A'; port <= 'E'; port++) {
                    range(pins, port, 0, 15);
                }
            }
            case 'z' -> {
                for (char port = 'A'; port <= 'G'; port++) {
                    range(pins, port, 0, 15);
                }
            }
            default -> {
                for (char port = 'A'; port <= 'C'; port++) {
                    range(pins, port, 0, 15);
                }
            }
        }
        return List.copyOf(pins);
    }

    private static void range(List<String> pins, char port, int from, int to) {
        for (int pin = from; pin <= to; pin++) {
            pins.add("P" + port + pin);
        }
    }
}
