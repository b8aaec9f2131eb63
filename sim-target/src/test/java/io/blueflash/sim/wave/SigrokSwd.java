package io.blueflash.sim.wave;

import io.blueflash.sim.trace.SimTraceEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * sigrok's {@code swd} decoder output and the simulator's trace in one comparable form: one line
 * per transaction, e.g. {@code DP R 0x0 OK 0x1ba01477}, {@code AP W 0xc OK 0x00000000},
 * {@code DP R 0x4 WAIT}, and {@code LINERESET} for a line reset.
 */
public final class SigrokSwd {

    private SigrokSwd() {
    }

    /** What sigrok-cli's swd decoder reads in {@code vcd}. */
    public static List<String> decode(Path vcd) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        for (SigrokCli.Annotation a : SigrokCli.decode(vcd, "swd:swclk=SWCLK:swdio=SWDIO")) {
            switch (a.annotationClass()) {
                case "reset" -> {
                    current = flush(lines, current);
                    lines.add("LINERESET");
                }
                case "read", "write" -> {
                    current = flush(lines, current);
                    current = new StringBuilder(request(a.text()));
                }
                case "ack", "data" -> {
                    if (current != null) {
                        current.append(' ').append(a.text());
                    }
                }
                case "parity" -> {
                    if (current != null) {
                        current.append(" PARITY-ERROR");
                    }
                }
                default -> current = flush(lines, current);
            }
        }
        flush(lines, current);
        return lines;
    }

    private static StringBuilder flush(List<String> lines, StringBuilder current) {
        if (current != null) {
            lines.add(current.toString());
        }
        return null;
    }

    /** sigrok's request names (ADIv5.2 Tables 2-4 and 2-5) as port, direction and A[3:2]. */
    private static String request(String name) {
        return switch (name) {
            case "IDCODE" -> "DP R 0x0";
            case "R CTRL/STAT", "R DLCR" -> "DP R 0x4";
            case "RESEND" -> "DP R 0x8";
            case "RDBUFF" -> "DP R 0xc";
            case "W ABORT" -> "DP W 0x0";
            case "W CTRL/STAT", "W DLCR" -> "DP W 0x4";
            case "W SELECT" -> "DP W 0x8";
            case "W RESERVED" -> "DP W 0xc";
            default -> {
                if (name.matches("[RW] AP[0-9a-f]+")) {
                    yield "AP " + name.charAt(0) + " 0x" + name.substring(4);
                }
                throw new AssertionError("unexpected sigrok swd request annotation: " + name);
            }
        };
    }

    /** The simulator's own account of the same wire, from its trace. */
    public static List<String> fromTrace(List<SimTraceEvent> events) {
        List<String> lines = new ArrayList<>();
        for (SimTraceEvent e : events) {
            if (e instanceof SimTraceEvent.SwdLineReset) {
                lines.add("LINERESET");
            } else if (e instanceof SimTraceEvent.SwdTransaction t) {
                String head = String.format("%s %s 0x%x", t.ap() ? "AP" : "DP", t.read() ? "R" : "W", t.address());
                lines.add(switch (t.ack()) {
                    case OK -> head + String.format(" OK 0x%08x", t.data());
                    case WAIT -> head + " WAIT";
                    case FAULT -> head + " FAULT";
                    case NO_RESPONSE -> head + " NOREPLY";
                });
            }
        }
        return lines;
    }
}
