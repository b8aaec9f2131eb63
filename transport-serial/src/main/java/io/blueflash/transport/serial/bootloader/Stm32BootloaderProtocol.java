package io.blueflash.transport.serial.bootloader;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.transport.serial.line.SerialLine;
import io.blueflash.transport.serial.line.SerialTimeoutException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The host side of the STM32 USART ROM bootloader protocol (AN3155, facts §E) on a
 * {@link SerialLine}: framing (command + complement, address + XOR checksum, data blocks with
 * N−1 length and checksum), ACK/NACK, and the recovery rules.
 *
 * <p>Recovery: a NACK at the data stage (the bootloader found a bad checksum, facts §E.2) sends it
 * back to command wait, so the whole command is repeated, at most {@code attempts} times. A lost
 * or garbled byte leaves the bootloader waiting in mid-command; the host then {@link #resync()}s
 * with 0xFF 0x00 pairs until NACK and repeats the command. READ MEMORY replies carry no checksum
 * (AN3155), so read-back corruption is left to the caller's verify.
 *
 * <p>Readout protection: the bootloader NACKs READ MEMORY, WRITE MEMORY, ERASE and GO (§E.2);
 * a command NACKed on every attempt is reported as {@link ReadProtectedException}, which says how
 * to unprotect. The commands after which the chip resets itself (READOUT/WRITE (UN)PROTECT,
 * option-byte writes, §E.3) re-synchronise with a fresh 0x7F.
 */
public final class Stm32BootloaderProtocol {

    public static final int ACK = 0x79;
    public static final int NACK = 0x1F;
    /** Auto-baud byte, sent once per reset (facts §E.1). */
    public static final int SYNC = 0x7F;

    public static final int GET = 0x00;
    public static final int GET_VERSION = 0x01;
    public static final int GET_ID = 0x02;
    public static final int READ_MEMORY = 0x11;
    public static final int GO = 0x21;
    public static final int WRITE_MEMORY = 0x31;
    public static final int ERASE = 0x43;
    public static final int WRITE_PROTECT = 0x63;
    public static final int WRITE_UNPROTECT = 0x73;
    public static final int READOUT_PROTECT = 0x82;
    public static final int READOUT_UNPROTECT = 0x92;

    /** Largest READ/WRITE MEMORY transfer (facts §E.3). */
    public static final int MAX_BLOCK = 256;
    /** Most pages one ERASE can name: N = pages − 1 must stay below 0xFF, which means global. */
    public static final int MAX_ERASE_PAGES = 255;
    /** Option bytes: a WRITE MEMORY starting here rewrites them and resets the chip (facts §E.3). */
    public static final int OPTION_BYTES_ADDRESS = 0x1FFF_F800;

    private static final int RESYNC_PAIRS_PER_BURST = 16;
    private static final int RESYNC_BURSTS = 10;
    private static final Duration RESYNC_POLL_MAX = Duration.ofMillis(100);

    private final SerialLine line;
    private final BootloaderTimeouts timeouts;
    private final int attempts;
    private final TraceSink trace;

    /**
     * @param attempts how often a command is tried before its NACK or silence is reported (≥1)
     */
    public Stm32BootloaderProtocol(SerialLine line, BootloaderTimeouts timeouts, int attempts, TraceSink trace) {
        this.line = Objects.requireNonNull(line, "'line' must not be null");
        this.timeouts = Objects.requireNonNull(timeouts, "'timeouts' must not be null");
        this.trace = Objects.requireNonNull(trace, "'trace' must not be null");
        if (attempts < 1) {
            throw new IllegalArgumentException("'attempts' must be at least 1: " + attempts);
        }
        this.attempts = attempts;
    }

    public SerialLine line() {
        return line;
    }

    // ---------------------------------------------------------------- start-up and recovery

    /**
     * Sends the auto-baud byte 0x7F and waits for ACK (facts §E.1). A NACK also means "in sync":
     * the bootloader was already running and took 0x7F as a command byte. On silence 0x7F is sent
     * again (stm32flash does the same), up to {@code attempts} times.
     */
    public void init() {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            line.discardInput();
            line.write(SYNC);
            try {
                int answer = line.read(timeouts.ack());
                if (answer == ACK || answer == NACK) {
                    trace("init 7F -> %s", answer == ACK ? "ACK" : "NACK (already synchronised)");
                    return;
                }
                trace("init 7F -> unexpected 0x%02X", answer);
            } catch (SerialTimeoutException silent) {
                trace("init 7F -> no answer (attempt %d of %d)", attempt, attempts);
            }
        }
        throw new TargetCommunicationException(String.format("no answer from an STM32 ROM bootloader on %s (%s) after"
                + " %d tries of 0x7F: set BOOT0=1 (BOOT1=0) and reset the chip, check TX->PA10 / RX<-PA9 and"
                + " ground, and the baud rate and parity (the bootloader needs 8E1; pty pairs need parity=none)",
                line.portName(), line.settings(), attempts));
    }

    /**
     * Brings a bootloader that is stuck mid-command back to command wait (facts §E.2): sends 0xFF
     * 0x00 pairs — taken as data until its frame completes, then as an invalid command — until a
     * NACK comes back, then drops whatever else arrives.
     */
    public void resync() {
        Duration poll = timeouts.ack().compareTo(RESYNC_POLL_MAX) < 0 ? timeouts.ack() : RESYNC_POLL_MAX;
        byte[] burst = new byte[RESYNC_PAIRS_PER_BURST * 2];
        for (int i = 0; i < burst.length; i += 2) {
            burst[i] = (byte) 0xFF;
        }
        for (int b = 0; b < RESYNC_BURSTS; b++) {
            line.write(burst);
            if (drainUntilQuiet(poll)) {
                trace("resync: NACK after %d byte(s) of 0xFF 0x00", (b + 1) * burst.length);
                return;
            }
        }
        throw new TargetCommunicationException("the bootloader on " + line.portName()
                + " stopped answering (no NACK to " + RESYNC_BURSTS * burst.length
                + " resync bytes): reset the chip with BOOT0=1 and retry");
    }

    /** Reads until {@code poll} passes in silence; true if a NACK was among the bytes. */
    private boolean drainUntilQuiet(Duration poll) {
        boolean nack = false;
        while (true) {
            try {
                nack |= line.read(poll) == NACK;
            } catch (SerialTimeoutException quiet) {
                return nack;
            }
        }
    }

    /**
     * After a command that makes the chip reset itself: the new bootloader instance needs its own
     * 0x7F (facts §E.3).
     */
    private void resyncAfterReset(String why) {
        trace("%s: chip resets itself, re-synchronising", why);
        init();
    }

    // ---------------------------------------------------------------- information

    /** GET, GET ID: version, command list and PID (facts §E.3). */
    public BootloaderInfo identify() {
        byte[] get = retried("GET", 0, false, () -> {
            command(GET, "GET");
            int n = readByte();
            byte[] body = read(n + 1, timeouts.ack());
            expectAck("GET", Stage.DATA, timeouts.ack());
            return body;
        });
        int pid = getId();
        return new BootloaderInfo(get[0] & 0xFF, Arrays.copyOfRange(get, 1, get.length), pid);
    }

    /** GET VERSION: the version byte (its two option bytes are 0 on UART, facts §E.3). */
    public int getVersion() {
        return retried("GET VERSION", 0, false, () -> {
            command(GET_VERSION, "GET VERSION");
            byte[] reply = read(3, timeouts.ack());
            expectAck("GET VERSION", Stage.DATA, timeouts.ack());
            return reply[0] & 0xFF;
        });
    }

    /** GET ID: the product ID, DBGMCU_IDCODE's DEV_ID (0x410 medium density, facts §E.3). */
    public int getId() {
        return retried("GET ID", 0, false, () -> {
            command(GET_ID, "GET ID");
            int n = readByte();
            byte[] pid = read(n + 1, timeouts.ack());
            expectAck("GET ID", Stage.DATA, timeouts.ack());
            int value = 0;
            for (byte b : pid) {
                value = value << 8 | (b & 0xFF);
            }
            return value;
        });
    }

    // ---------------------------------------------------------------- memory

    /** READ MEMORY of 1 to 256 bytes at any address the bootloader allows. */
    public byte[] readMemory(int address, int length) {
        if (length < 1 || length > MAX_BLOCK) {
            throw new IllegalArgumentException("READ MEMORY reads 1 to 256 bytes, not " + length);
        }
        return retried("READ MEMORY", address, true, () -> {
            command(READ_MEMORY, "READ MEMORY");
            sendAddress(address, "READ MEMORY");
            line.write(new byte[] {(byte) (length - 1), (byte) ~(length - 1)});
            expectAck("READ MEMORY length", Stage.DATA, timeouts.ack());
            byte[] data = read(length, timeouts.ack().plus(wireTime(length)));
            trace("READ MEMORY 0x%08X, %d byte(s)", address, length);
            return data;
        });
    }

    /**
     * WRITE MEMORY of up to 256 bytes at a 4-aligned address; the block is padded with 0xFF to a
     * multiple of 4 (facts §E.3). In flash the bytes must be erased already; the bootloader programs
     * them before it ACKs.
     */
    public void writeMemory(int address, byte[] data) {
        Objects.requireNonNull(data, "'data' must not be null");
        if (data.length < 1 || data.length > MAX_BLOCK) {
            throw new IllegalArgumentException("WRITE MEMORY writes 1 to 256 bytes, not " + data.length);
        }
        if ((address & 3) != 0) {
            throw new IllegalArgumentException(String.format(
                    "WRITE MEMORY needs a 4-byte aligned address, not 0x%08X", address));
        }
        byte[] padded = Arrays.copyOf(data, (data.length + 3) & ~3);
        Arrays.fill(padded, data.length, padded.length, (byte) 0xFF);
        byte[] frame = dataFrame(padded);
        retried("WRITE MEMORY", address, true, () -> {
            command(WRITE_MEMORY, "WRITE MEMORY");
            sendAddress(address, "WRITE MEMORY");
            line.write(frame);
            expectAck("WRITE MEMORY block", Stage.DATA, timeouts.perBlock().plus(wireTime(frame.length)));
            trace("WRITE MEMORY 0x%08X, %d byte(s)", address, padded.length);
            return null;
        });
    }

    /** ERASE of 1 to 255 pages by page number (0–255) (facts §E.3). */
    public void erasePages(int... pages) {
        if (pages.length < 1 || pages.length > MAX_ERASE_PAGES) {
            throw new IllegalArgumentException("ERASE takes 1 to 255 pages, not " + pages.length);
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int checksum = pages.length - 1;
        frame.write(pages.length - 1);
        for (int page : pages) {
            if (page < 0 || page > 0xFF) {
                throw new IllegalArgumentException("ERASE page numbers are one byte (0-255), not " + page);
            }
            frame.write(page);
            checksum ^= page;
        }
        frame.write(checksum);
        byte[] bytes = frame.toByteArray();
        retried("ERASE", 0x0800_0000, true, () -> {
            command(ERASE, "ERASE");
            line.write(bytes);
            expectAck("ERASE pages", Stage.DATA, timeouts.pageErase(pages.length).plus(wireTime(bytes.length)));
            trace("ERASE %d page(s) from %d", pages.length, pages[0]);
            return null;
        });
    }

    /** Global ERASE (0xFF 0x00): all of main flash (facts §E.3). */
    public void massErase() {
        retried("ERASE (global)", 0x0800_0000, true, () -> {
            command(ERASE, "ERASE");
            line.write(new byte[] {(byte) 0xFF, 0x00});
            expectAck("global ERASE", Stage.DATA, timeouts.massErase());
            trace("ERASE global");
            return null;
        });
    }

    /** GO: the bootloader loads MSP from [address] and jumps to [address+4]; the session ends. */
    public void go(int address) {
        retried("GO", address, true, () -> {
            command(GO, "GO");
            sendAddress(address, "GO");
            trace("GO 0x%08X", address);
            return null;
        });
    }

    /**
     * Writes the 16 option bytes at 0x1FFF_F800 (value/complement pairs, RM0008 §2.5); the
     * bootloader erases the option block first and then resets the chip (facts §E.3).
     */
    public void writeOptionBytes(byte[] optionBytes) {
        if (optionBytes.length != 16) {
            throw new IllegalArgumentException("the option block is 16 bytes, not " + optionBytes.length);
        }
        writeMemory(OPTION_BYTES_ADDRESS, optionBytes);
        resyncAfterReset("option bytes written");
    }

    // ---------------------------------------------------------------- protection

    /** READOUT PROTECT; the chip resets itself and needs a new 0x7F (facts §E.3). */
    public void readoutProtect() {
        retried("READOUT PROTECT", 0, true, () -> {
            command(READOUT_PROTECT, "READOUT PROTECT");
            expectAck("READOUT PROTECT", Stage.DATA, timeouts.ack());
            return null;
        });
        resyncAfterReset("READOUT PROTECT");
    }

    /**
     * READOUT UNPROTECT: the bootloader mass-erases the flash, clears RDP and resets the chip
     * (facts §E.3); allowed while protected.
     */
    public void readoutUnprotect() {
        retried("READOUT UNPROTECT", 0, false, () -> {
            command(READOUT_UNPROTECT, "READOUT UNPROTECT");
            expectAck("READOUT UNPROTECT (mass erase)", Stage.DATA, timeouts.massErase());
            return null;
        });
        resyncAfterReset("READOUT UNPROTECT");
    }

    /** WRITE PROTECT of the given sector codes (4 pages each on MD); the chip then resets. */
    public void writeProtect(int... sectors) {
        if (sectors.length < 1 || sectors.length > 0xFF) {
            throw new IllegalArgumentException("WRITE PROTECT takes 1 to 255 sectors, not " + sectors.length);
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int checksum = sectors.length - 1;
        frame.write(sectors.length - 1);
        for (int sector : sectors) {
            if (sector < 0 || sector > 0xFF) {
                throw new IllegalArgumentException("sector codes are one byte, not " + sector);
            }
            frame.write(sector);
            checksum ^= sector;
        }
        frame.write(checksum);
        byte[] bytes = frame.toByteArray();
        retried("WRITE PROTECT", 0, true, () -> {
            command(WRITE_PROTECT, "WRITE PROTECT");
            line.write(bytes);
            expectAck("WRITE PROTECT sectors", Stage.DATA, timeouts.ack());
            return null;
        });
        resyncAfterReset("WRITE PROTECT");
    }

    /** WRITE UNPROTECT of all flash; the chip then resets. */
    public void writeUnprotect() {
        retried("WRITE UNPROTECT", 0, true, () -> {
            command(WRITE_UNPROTECT, "WRITE UNPROTECT");
            expectAck("WRITE UNPROTECT", Stage.DATA, timeouts.ack());
            return null;
        });
        resyncAfterReset("WRITE UNPROTECT");
    }

    // ---------------------------------------------------------------- framing

    private enum Stage { COMMAND, ADDRESS, DATA }

    /** The bootloader said NACK: it is back in command wait (facts §E.2). */
    private static final class Nacked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Stage stage;

        Nacked(Stage stage, String what) {
            super(what + " NACKed", null, false, false);
            this.stage = stage;
        }
    }

    /** Neither ACK nor NACK: the line garbled a byte; the bootloader's state is unknown. */
    private static final class Garbled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Garbled(String message) {
            super(message, null, false, false);
        }
    }

    private void command(int code, String name) {
        line.write(new byte[] {(byte) code, (byte) ~code});
        expectAck(name, Stage.COMMAND, timeouts.ack());
    }

    private void sendAddress(int address, String name) {
        byte[] frame = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address, 0};
        frame[4] = (byte) (frame[0] ^ frame[1] ^ frame[2] ^ frame[3]);
        line.write(frame);
        expectAck(name + " address", Stage.ADDRESS, timeouts.ack());
    }

    /** N (count − 1), the bytes, XOR of N and the bytes (facts §E.2). */
    private static byte[] dataFrame(byte[] data) {
        byte[] frame = new byte[data.length + 2];
        frame[0] = (byte) (data.length - 1);
        int checksum = data.length - 1;
        for (int i = 0; i < data.length; i++) {
            frame[i + 1] = data[i];
            checksum ^= data[i];
        }
        frame[frame.length - 1] = (byte) checksum;
        return frame;
    }

    private void expectAck(String what, Stage stage, Duration timeout) {
        int answer = line.read(timeout);
        if (answer == NACK) {
            throw new Nacked(stage, what);
        }
        if (answer != ACK) {
            throw new Garbled(String.format("%s: expected ACK 0x79 or NACK 0x1F, got 0x%02X", what, answer));
        }
    }

    private int readByte() {
        return line.read(timeouts.ack());
    }

    private byte[] read(int count, Duration timeout) {
        return line.read(count, timeout);
    }

    /** Time {@code bytes} characters take on the wire at the line's settings. */
    private Duration wireTime(int bytes) {
        return Duration.ofNanos(bytes * line.settings().nanosPerCharacter());
    }

    /**
     * Runs one command exchange, repeating it after a NACK (bootloader back in command wait) or
     * after silence / garbage (resync first), at most {@code attempts} times.
     */
    private <T> T retried(String name, int address, boolean refusedWhenProtected, Supplier<T> exchange) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return exchange.get();
            } catch (Nacked nack) {
                last = nack;
                trace("%s NACKed at the %s stage (attempt %d of %d)", name, nack.stage, attempt, attempts);
            } catch (SerialTimeoutException | Garbled lost) {
                last = lost;
                trace("%s: %s (attempt %d of %d), resynchronising", name, lost.getMessage(), attempt, attempts);
                try {
                    resync();
                } catch (TargetCommunicationException silent) {
                    throw new TargetCommunicationException(String.format("%s at 0x%08X: %s", name, address,
                            silent.getMessage()), silent);
                }
            }
        }
        throw failure(name, address, refusedWhenProtected, last);
    }

    private RuntimeException failure(String name, int address, boolean refusedWhenProtected, RuntimeException last) {
        String port = line.portName();
        if (last instanceof Nacked nack) {
            return switch (nack.stage) {
                case COMMAND -> refusedWhenProtected
                        ? new ReadProtectedException(address, port, name)
                        : new BootloaderNackException(String.format("the bootloader on %s refused %s %d times:"
                                + " it does not support it", port, name, attempts));
                case ADDRESS -> new MemoryFaultException(address, String.format("the bootloader on %s refused %s"
                        + " at 0x%08X: the address is outside flash, SRAM, system memory and option bytes"
                        + " (or the line corrupted it %d times)", port, name, address, attempts));
                case DATA -> new BootloaderNackException(String.format("the bootloader on %s NACKed %s at 0x%08X"
                        + " %d times: checksum errors on the line (noise, baud mismatch), or the operation failed"
                        + " on the chip (write-protected page, flash not erased)", port, name, address, attempts));
            };
        }
        return new TargetCommunicationException(String.format("%s at 0x%08X failed on %s after %d tries: %s",
                name, address, port, attempts, last.getMessage()), last);
    }

    private void trace(String format, Object... args) {
        trace.trace("uart", -1, String.format(format, args));
    }
}
