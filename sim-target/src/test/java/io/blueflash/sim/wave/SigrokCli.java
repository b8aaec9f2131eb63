package io.blueflash.sim.wave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test referee: runs Debian's {@code sigrok-cli} on a VCD file with one of its own protocol decoders
 * and returns the annotations it prints, in order. CI installs sigrok-cli (.ci/run); a missing tool
 * fails the test loudly rather than skipping it.
 */
public final class SigrokCli {

    /**
     * One annotation and its text; {@code annotationClass} is the decoder's annotation row when it
     * declares rows (uart: {@code RX}, {@code TX}), else the annotation class (swd: {@code read}, {@code ack}).
     */
    public record Annotation(String annotationClass, String text) {
    }

    private static final Pattern BEGIN = Pattern.compile(
            "\"ph\": \"B\".*\"tid\": \"([^\"]*)\", \"name\": \"([^\"]*)\"");

    private SigrokCli() {
    }

    /**
     * @param decoder the {@code -P} argument, e.g. {@code swd:swclk=SWCLK:swdio=SWDIO}
     */
    public static List<Annotation> decode(Path vcd, String decoder) {
        return decode(vcd, decoder, null);
    }

    /**
     * @param annotations the {@code -A} argument choosing the annotation classes to print, e.g.
     *                    {@code uart=rx-data:tx-data} (null: every class of the decoders)
     */
    public static List<Annotation> decode(Path vcd, String decoder, String annotations) {
        List<String> command = new ArrayList<>(List.of("sigrok-cli", "-I", "vcd", "-i", vcd.toString(), "-P", decoder,
                "--protocol-decoder-jsontrace"));
        if (annotations != null) {
            command.addAll(List.of("-A", annotations));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("sigrok-cli is needed to referee the waveforms (Debian package sigrok-cli, "
                    + "installed by .ci/run): " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("sigrok-cli " + String.join(" ", command) + " failed: " + err);
            }
            List<Annotation> found = new ArrayList<>();
            for (String line : out.split("\n")) {
                Matcher m = BEGIN.matcher(line);
                if (m.find()) {
                    found.add(new Annotation(m.group(1), m.group(2)));
                }
            }
            return found;
        } catch (IOException e) {
            throw new AssertionError("reading sigrok-cli's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sigrok-cli ran", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
