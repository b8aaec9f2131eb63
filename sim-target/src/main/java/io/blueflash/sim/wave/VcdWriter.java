package io.blueflash.sim.wave;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Streams one-bit wires to a value change dump (IEEE 1364-2005 §18), timescale 1 ns of simulated
 * time, which GTKWave, PulseView and sigrok-cli read.
 *
 * <p>Why a reorder window: waveforms learn of a transaction when it ends (an SWD transaction, a
 * UART character) and then draw it back from its start, while pin edges of running firmware arrive
 * as they happen. Changes are therefore held for {@link #holdBack(long)} nanoseconds behind the
 * latest time seen and written in time order; memory stays bounded by that window. A change that
 * still arrives too late is written at the last written time.
 *
 * <p>The file never grows past {@code maxBytes} by more than one line: past the cap a
 * {@code $comment} says so and later changes are dropped ({@link #truncated()}); the same for a
 * time window ({@link #limitTo(long)}).
 */
public final class VcdWriter implements AutoCloseable {

    /** One declared wire. */
    public static final class Wire {
        private final String id;
        private final String scope;
        private final String name;
        private char value;

        private Wire(String id, String scope, String name, char initial) {
            this.id = id;
            this.scope = scope;
            this.name = name;
            this.value = initial;
        }

        public String name() {
            return name;
        }
    }

    private record Change(long nanos, long sequence, Wire wire, char value) implements Comparable<Change> {
        @Override
        public int compareTo(Change other) {
            int byTime = Long.compare(nanos, other.nanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final Writer out;
    private final long maxBytes;
    private final String version;
    private final Map<String, List<Wire>> scopes = new LinkedHashMap<>();
    private final PriorityQueue<Change> pending = new PriorityQueue<>();
    private long holdBackNanos;
    private long untilNanos = Long.MAX_VALUE;
    private long beginNanos = Long.MAX_VALUE;
    private long sequence;
    private long latestSeen = Long.MIN_VALUE;
    private long writtenTime = Long.MIN_VALUE;
    private long bytes;
    private boolean headerWritten;
    private boolean appending;
    private boolean truncated;
    private boolean closed;

    /**
     * @param maxBytes the size cap of the file (header included)
     * @param version  what {@code $version} names (the tool and the chip)
     */
    public VcdWriter(Writer out, long maxBytes, String version) {
        this.out = Objects.requireNonNull(out, "'out' must not be null");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("'maxBytes' must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.version = Objects.requireNonNull(version, "'version' must not be null");
    }

    /** A new file at {@code path}, replaced when it exists. */
    public static VcdWriter create(Path path, long maxBytes, String version) {
        return new VcdWriter(open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE), maxBytes, version);
    }

    /**
     * Continues a dump this process wrote earlier (a second session of the same command): the wires
     * must be declared again in the same order, so that they get the same identifiers; no header is
     * written, the wires' values are restated at the first change, and the cap counts the whole file.
     */
    public static VcdWriter appendTo(Path path, long maxBytes, String version) {
        long existing;
        try {
            existing = Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the waveform file " + path + ": " + e.getMessage(), e);
        }
        VcdWriter writer = new VcdWriter(open(path, StandardOpenOption.APPEND, StandardOpenOption.WRITE), maxBytes,
                version);
        writer.appending = true;
        writer.bytes = existing;
        writer.truncated = existing >= maxBytes;
        return writer;
    }

    private static Writer open(Path path, OpenOption... options) {
        try {
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path, options),
                    StandardCharsets.US_ASCII), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the waveform file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Declares a wire in {@code scope} (a module under the top scope); only before the first change.
     *
     * @param initial '0', '1', 'x' or 'z'
     */
    public Wire wire(String scope, String name, char initial) {
        if (headerWritten) {
            throw new IllegalStateException("wire " + name + " declared after the first value change");
        }
        checkValue(initial);
        Wire wire = new Wire(identifier(scopes.values().stream().mapToInt(List::size).sum()), scope, name, initial);
        scopes.computeIfAbsent(scope, s -> new ArrayList<>()).add(wire);
        return wire;
    }

    /** Keeps changes this far behind the latest one before writing them (the longest a waveform draws back). */
    public void holdBack(long nanos) {
        holdBackNanos = Math.max(holdBackNanos, nanos);
    }

    /**
     * The file starts at {@code nanos} with every wire at its initial value (at the latest at the
     * first change): a decoder then sees the first edge as an edge.
     */
    public void beginAt(long nanos) {
        beginNanos = nanos;
    }

    /** Records only up to {@code nanos} of file time; a later change ends the file with a note. */
    public void limitTo(long nanos) {
        untilNanos = nanos;
    }

    /** {@code wire} takes {@code value} at {@code nanos} of simulated time. */
    public void change(long nanos, Wire wire, char value) {
        checkValue(value);
        if (closed || truncated) {
            return;
        }
        pending.add(new Change(nanos, sequence++, Objects.requireNonNull(wire, "'wire' must not be null"), value));
        if (nanos > latestSeen) {
            latestSeen = nanos;
        }
        drain(latestSeen - holdBackNanos);
    }

    public boolean truncated() {
        return truncated;
    }

    /** Characters written so far (the file's size once flushed). */
    public long bytesWritten() {
        return bytes;
    }

    /** Writes every held change and flushes the file: it is a complete dump at this point. */
    public void flush() {
        drain(Long.MAX_VALUE);
        flushOut();
    }

    /**
     * Writes every held change, then a final time stamp {@code nanos} (when later than the last
     * change) so that tools see the wires' last levels last that long, and flushes the file.
     */
    public void finishAt(long nanos) {
        drain(Long.MAX_VALUE);
        if (headerWritten && !truncated && nanos > writtenTime && nanos <= untilNanos) {
            write("#" + nanos + "\n");
            writtenTime = nanos;
        }
        flushOut();
    }

    private void flushOut() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the waveform file: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the waveform file: " + e.getMessage(), e);
            }
        }
    }

    private void drain(long upTo) {
        while (!pending.isEmpty() && pending.peek().nanos() <= upTo && !truncated) {
            Change c = pending.poll();
            if (c.nanos() > untilNanos) {
                if (!headerWritten) {
                    writeHeader(untilNanos);
                }
                end("time window ends at " + untilNanos + " ns: later changes are not recorded");
                break;
            }
            if (!headerWritten) {
                writeHeader(Math.min(c.nanos(), beginNanos));
            }
            if (c.wire().value == c.value()) {
                continue;
            }
            c.wire().value = c.value();
            long at = Math.max(c.nanos(), writtenTime);
            StringBuilder line = new StringBuilder(24);
            if (at != writtenTime) {
                line.append('#').append(at).append('\n');
                writtenTime = at;
            }
            line.append(c.value()).append(c.wire().id).append('\n');
            write(line);
        }
        if (truncated) {
            pending.clear();
        }
    }

    private void writeHeader(long firstNanos) {
        headerWritten = true;
        StringBuilder h = new StringBuilder(512);
        if (appending) {
            h.append('#').append(firstNanos).append('\n');
            scopes.values().forEach(wires -> wires.forEach(w -> h.append(w.value).append(w.id).append('\n')));
            writtenTime = firstNanos;
            write(h);
            return;
        }
        h.append("$version ").append(version).append(" $end\n");
        h.append("$timescale 1ns $end\n");
        h.append("$scope module chip $end\n");
        scopes.forEach((scope, wires) -> {
            h.append("$scope module ").append(scope).append(" $end\n");
            for (Wire w : wires) {
                h.append("$var wire 1 ").append(w.id).append(' ').append(w.name).append(" $end\n");
            }
            h.append("$upscope $end\n");
        });
        h.append("$upscope $end\n$enddefinitions $end\n");
        h.append('#').append(firstNanos).append("\n$dumpvars\n");
        scopes.values().forEach(wires -> wires.forEach(w -> h.append(w.value).append(w.id).append('\n')));
        h.append("$end\n");
        writtenTime = firstNanos;
        write(h);
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the waveform file: " + e.getMessage(), e);
        }
        bytes += text.length();
        if (bytes >= maxBytes) {
            end("size cap of " + maxBytes + " bytes reached: later changes are not recorded");
        }
    }

    /** Ends the recording with a note saying why. */
    private void end(String why) {
        if (truncated) {
            return;
        }
        truncated = true;
        String note = "$comment " + why + " $end\n";
        try {
            out.append(note);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the waveform file: " + e.getMessage(), e);
        }
        bytes += note.length();
    }

    /** VCD identifiers: printable ASCII '!'..'~', shortest first. */
    static String identifier(int index) {
        StringBuilder id = new StringBuilder();
        int n = index;
        do {
            id.append((char) ('!' + n % 94));
            n = n / 94 - 1;
        } while (n >= 0);
        return id.toString();
    }

    private static void checkValue(char value) {
        if (value != '0' && value != '1' && value != 'x' && value != 'z') {
            throw new IllegalArgumentException("a wire's value is 0, 1, x or z: '" + value + "'");
        }
    }
}
