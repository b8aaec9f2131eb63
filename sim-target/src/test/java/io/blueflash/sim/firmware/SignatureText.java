package io.blueflash.sim.firmware;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The lines a signature program prints ({@code firmware/common/sig.h}): {@code SIG nn xxxxxxxx} per
 * word and {@code EXIT xxxxxxxx}. Other lines ({@code NOTE ...}, board-specific facts) are not part of
 * the signature.
 */
public final class SignatureText {

    /** The programs and the optimisation levels they are built at. */
    public static final List<String> TESTS = List.of("arith", "control", "exceptions", "faults");
    public static final List<String> OPTIMISATIONS = List.of("O0", "O2", "Os");

    private SignatureText() {
    }

    /** Only the SIG and EXIT lines, in order. */
    public static List<String> signatureLines(String output) {
        return output.lines().filter(l -> l.startsWith("SIG ") || l.startsWith("EXIT ")).collect(Collectors.toList());
    }

    /** The words of the SIG lines. */
    public static List<Integer> words(String output) {
        return output.lines().filter(l -> l.startsWith("SIG "))
                .map(l -> Integer.parseUnsignedInt(l.substring(7).trim(), 16)).collect(Collectors.toList());
    }
}
