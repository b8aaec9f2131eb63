package io.blueflash.sim.bootloader;

import io.blueflash.sim.chip.BootMode;
import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The STM32F1 USART ROM bootloader (AN3155, facts §E) as the chip sees it: it reads host bytes
 * from a stream and answers on another, running the F1 command set against a simulated
 * {@link Stm32F103}.
 *
 * <p>Behaviour, each from facts §E:
 * <ul>
 * <li>Auto-baud: the first 0x7F after a reset is answered with ACK; other bytes before it are
 *     ignored; later 0x7F bytes are command bytes (§E.1). The rate of that 0x7F (the {@link HostLine}'s
 *     then) stays until the next reset (AN3155 §2): bytes the host sends at another rate are framing
 *     errors the ROM drops, so the host gets no answer. A rate outside the 1200–115200 baud AN3155
 *     specifies is served with a warning.</li>
 * <li>Reset: any chip reset (NRST, SYSRESETREQ as {@code stm32flash -R} makes the core do, the
 *     watchdog) restarts the bootloader when BOOT0 is still high, and leaves it to the firmware in flash
 *     when BOOT0 is low (RM0008 §3.4); either way a new 0x7F is needed.</li>
 * <li>Framing: command + complement, address + XOR, N−1 + data + XOR; any failure NACKs and returns
 *     to command wait (§E.2).</li>
 * <li>GET lists 0x00 0x01 0x02 0x11 0x21 0x31 0x43 0x63 0x73 0x82 0x92, version 0x22 (V2.2).</li>
 * <li>Read protection (FLASH_OBR.RDPRT): only GET, GET VERSION, GET ID and READOUT UNPROTECT are
 *     served; every other command is NACKed (§E.2).</li>
 * <li>Flash is written the way the ROM code does it, through {@link Stm32F103#cpuBus()} and the
 *     FPEC (unlock, PG/PER/MER/OPTER/OPTPG, BSY polling, relock), so timing and protection come from
 *     the chip model. A write into a write-protected page is still ACKed (AN2662, §E.3: not reported
 *     as an error); a write over non-erased flash (PGERR) is NACKed.</li>
 * <li>WRITE MEMORY at 0x1FFF_F800 rewrites the option bytes and resets the chip; READOUT
 *     (UN)PROTECT and WRITE (UN)PROTECT reset it too; READOUT UNPROTECT mass-erases first (§E.3).
 *     After a reset a new 0x7F is needed.</li>
 * <li>GO answers its ACKs and then the bootloader is gone: further bytes get no answer until a reset.</li>
 * </ul>
 *
 * <p>Constructing the emulator sets the chip's boot pins to system memory (BOOT0 = 1), so the RDP
 * rules of code not booted from flash apply (facts §B.6).
 *
 * <p>Time: each byte in either direction costs its UART character time on the chip's
 * {@link SimClock} — 11 bits at 8E1 (start + 8 data + parity + stop), 10 at 8N1 — and the FPEC's
 * BSY periods are waited out by polling FLASH_SR, each poll costing {@link #POLL_NANOS}. The
 * emulator answers at once in wall time. Not thread-safe: one serve loop drives one chip.
 */
public final class BootloaderEmulator {

    public static final int ACK = 0x79;
    public static final int NACK = 0x1F;
    public static final int VERSION = 0x22;
    static final byte[] COMMANDS = {0x00, 0x01, 0x02, 0x11, 0x21, 0x31, 0x43, 0x63, 0x73, (byte) 0x82, (byte) 0x92};
    /** Bits per character at 8E1, the bootloader's framing (facts §E.1). */
    public static final int BITS_8E1 = 11;
    /** Bits per character at 8N1 (pty pairs cannot carry parity, conformance.md). */
    public static final int BITS_8N1 = 10;
    /** Simulated CPU time of one FLASH_SR poll in the ROM's BSY wait loop. */
    public static final long POLL_NANOS = 500;

    private final Stm32F103 chip;
    private final SystemBus bus;
    private final SimClock clock;
    private final HostLine line;
    private final int bitsPerCharacter;
    private final FpecDriver fpec;
    private final MemoryMap map;
    private CharacterObserver observer = (fromHost, value) -> { };
    private boolean synchronised;
    private boolean jumped;
    private int lockedBaud;
    private long seenResets;
    private boolean sessionEndPending;
    private Runnable sessionEnded = () -> { };
    private java.util.function.Consumer<String> warnings = message -> { };
    private long bytesIn;
    private long bytesOut;

    /** At 8E1, as on hardware. */
    public BootloaderEmulator(Stm32F103 chip, int baud) {
        this(chip, baud, BITS_8E1);
    }

    /**
     * @param bitsPerCharacter 11 for 8E1, 10 for 8N1: the UART time charged per byte
     */
    public BootloaderEmulator(Stm32F103 chip, int baud, int bitsPerCharacter) {
        this(chip, lineAt(baud), bitsPerCharacter);
    }

    private static HostLine lineAt(int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("'baud' must be positive: " + baud);
        }
        return new HostLine(baud);
    }

    /**
     * @param line             the host's serial port, whose rate may change while serving
     * @param bitsPerCharacter 11 for 8E1, 10 for 8N1: the UART time charged per byte
     */
    public BootloaderEmulator(Stm32F103 chip, HostLine line, int bitsPerCharacter) {
        this.chip = Objects.requireNonNull(chip, "'chip' must not be null");
        this.line = Objects.requireNonNull(line, "'line' must not be null");
        if (bitsPerCharacter < 7 || bitsPerCharacter > 12) {
            throw new IllegalArgumentException("'bitsPerCharacter' must be 7 to 12: " + bitsPerCharacter);
        }
        chip.setBootMode(BootMode.SYSTEM_MEMORY);   // BOOT0 = 1, BOOT1 = 0: how one reaches the ROM bootloader
        this.bus = chip.cpuBus();
        this.clock = chip.clock();
        this.bitsPerCharacter = bitsPerCharacter;
        this.seenResets = chip.resets();
        this.fpec = new FpecDriver(bus, clock, POLL_NANOS, chip.profile().density().dualBank());
        this.map = new MemoryMap(chip.profile());
    }

    /** Sees each character on the UART when its stop bit ends (the chip's clock then reads that instant). */
    @FunctionalInterface
    public interface CharacterObserver {
        void character(boolean fromHost, int value);
    }

    /** Reports every character on the line to {@code characterObserver} from now on (e.g. to draw it). */
    public void observe(CharacterObserver characterObserver) {
        observer = Objects.requireNonNull(characterObserver, "'characterObserver' must not be null");
    }

    /** Bytes received from the host so far. */
    public long bytesIn() {
        return bytesIn;
    }

    /** Bytes sent to the host so far. */
    public long bytesOut() {
        return bytesOut;
    }

    /** Simulated time one byte takes on the wire: at the locked rate, before the lock at the host's. */
    public long characterNanos() {
        return bitsPerCharacter * 1_000_000_000L / (lockedBaud > 0 ? lockedBaud : line.baud());
    }

    /** The rate locked to at the last 0x7F, 0 while waiting for one. */
    public int lockedBaud() {
        return lockedBaud;
    }

    /**
     * Told where one client's session ends on a stream that stays open (a pty): at GO, at a chip reset,
     * and at a synchronised bootloader's 0x7F (a new stm32flash's first byte).
     */
    public BootloaderEmulator onSessionEnd(Runnable listener) {
        this.sessionEnded = Objects.requireNonNull(listener, "'listener' must not be null");
        return this;
    }

    /** Where warnings go (a host rate outside what AN3155 specifies). */
    public BootloaderEmulator onWarning(java.util.function.Consumer<String> listener) {
        this.warnings = Objects.requireNonNull(listener, "'listener' must not be null");
        return this;
    }

    /** Thrown by a read that finds the chip was reset while it waited: the byte goes to the restarted bootloader. */
    private static final class Restarted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int pending;

        Restarted(int pending) {
            super(null, null, false, false);
            this.pending = pending;
        }
    }

    /**
     * Serves host bytes from {@code in} until end of stream. The chip's clock advances; nothing
     * sleeps.
     */
    public void serve(InputStream in, OutputStream out) throws IOException {
        Objects.requireNonNull(in, "'in' must not be null");
        Objects.requireNonNull(out, "'out' must not be null");
        Session session = new Session(new BufferedInputStream(in), new BufferedOutputStream(out));
        int pending = -1;
        try {
            while (true) {
                try {
                    int b = pending >= 0 ? pending : session.read();
                    pending = -1;
                    if (jumped) {
                        endSessionIfPending();
                        continue;
                    }
                    if (!synchronised) {
                        if (b == 0x7F) {
                            lockBaud();
                            synchronised = true;
                            session.send(ACK);
                            session.flush(); // the host is waiting for it, and retries 0x7F if it is late
                            endSessionIfPending();
                        }
                        continue;
                    }
                    session.command(b);
                    if (b == 0x7F) {
                        // a new client's first byte: the last one left without a word (counted after the reply)
                        session.flush();
                        sessionEnded.run();
                    }
                } catch (Restarted restarted) {
                    pending = restarted.pending;
                }
            }
        } catch (EOFException endOfStream) {
            session.flush();
        }
    }

    /** The 0x7F's rate becomes the bootloader's until the next reset (AN3155 §2). */
    private void lockBaud() {
        lockedBaud = line.baud();
        if (!HostLine.withinSpec(lockedBaud)) {
            warnings.accept(String.format("bootloader: locked to %d baud, outside the %d-%d baud the USART "
                    + "bootloader auto-detects (AN3155 §2); a board may not lock or may garble bytes at this rate",
                    lockedBaud, HostLine.MIN_SPEC_BAUD, HostLine.MAX_SPEC_BAUD));
        }
    }

    /** A reset seen while waiting: BOOT0 high restarts the bootloader, low leaves the chip to its firmware (RM0008 §3.4). */
    private void restartAfterReset() {
        seenResets = chip.resets();
        synchronised = false;
        lockedBaud = 0;
        jumped = chip.bootMode() != BootMode.SYSTEM_MEMORY;
        sessionEndPending = true; // told after the next reply: saving the state must not delay the host's ACK
    }

    private void endSessionIfPending() {
        if (sessionEndPending) {
            sessionEndPending = false;
            sessionEnded.run();
        }
    }

    /** One serve loop's streams and the command handlers. */
    private final class Session {
        private final InputStream in;
        private final OutputStream out;
        private boolean unflushed;

        Session(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        /**
         * Answers go out before the emulator waits for the host's next byte. A byte at a rate other
         * than the locked one is dropped (framing error); a chip reset while waiting restarts the
         * bootloader ({@link Restarted}).
         */
        int read() throws IOException {
            while (true) {
                if (unflushed && in.available() == 0) {
                    flush();
                }
                int b = in.read();
                if (b < 0) {
                    throw new EOFException();
                }
                bytesIn++;
                if (chip.resets() != seenResets) {
                    restartAfterReset();
                    throw new Restarted(b);
                }
                clock.advance(characterNanos());
                observer.character(true, b);
                if (synchronised && line.baud() != lockedBaud) {
                    continue; // the USART sees a framing error; the ROM drops the byte
                }
                return b;
            }
        }

        void flush() throws IOException {
            out.flush();
            unflushed = false;
        }

        void send(int b) throws IOException {
            unflushed = true;
            out.write(b);
            bytesOut++;
            clock.advance(characterNanos());
            observer.character(false, b);
        }

        void send(byte[] bytes) throws IOException {
            for (byte b : bytes) {
                send(b & 0xFF);
            }
        }

        void command(int code) throws IOException {
            int complement = read();
            if ((code ^ complement) != 0xFF) {
                send(NACK);
                return;
            }
            boolean protectedChip = fpec.readProtectionActive();
            switch (code) {
                case 0x00 -> get();
                case 0x01 -> getVersion();
                case 0x02 -> getId();
                case 0x92 -> readoutUnprotect();
                default -> {
                    if (protectedChip || !isKnown(code)) {
                        send(NACK);
                        return;
                    }
                    switch (code) {
                        case 0x11 -> readMemory();
                        case 0x21 -> go();
                        case 0x31 -> writeMemory();
                        case 0x43 -> erase();
                        case 0x63 -> writeProtect();
                        case 0x73 -> writeUnprotect();
                        case 0x82 -> readoutProtect();
                        default -> send(NACK);
                    }
                }
            }
        }

        private boolean isKnown(int code) {
            for (byte c : COMMANDS) {
                if ((c & 0xFF) == code) {
                    return true;
                }
            }
            return false;
        }

        private void get() throws IOException {
            send(ACK);
            send(COMMANDS.length);
            send(VERSION);
            send(COMMANDS);
            send(ACK);
        }

        private void getVersion() throws IOException {
            send(ACK);
            send(new byte[] {VERSION, 0, 0});
            send(ACK);
        }

        private void getId() throws IOException {
            int pid = chip.profile().devId();
            send(ACK);
            send(new byte[] {1, (byte) (pid >>> 8), (byte) pid});
            send(ACK);
        }

        /** Four address bytes MSB first and their XOR; null (NACK sent) when the checksum is wrong. */
        private Integer address() throws IOException {
            int a3 = read(), a2 = read(), a1 = read(), a0 = read();
            int checksum = read();
            if ((a3 ^ a2 ^ a1 ^ a0) != checksum) {
                send(NACK);
                return null;
            }
            return a3 << 24 | a2 << 16 | a1 << 8 | a0;
        }

        private void readMemory() throws IOException {
            send(ACK);
            Integer address = address();
            if (address == null) {
                return;
            }
            if (!map.readable(address, 1)) {
                send(NACK);
                return;
            }
            send(ACK);
            int n = read();
            int complement = read();
            if ((n ^ complement) != 0xFF || !map.readable(address, n + 1)) {
                send(NACK);
                return;
            }
            byte[] data = new byte[n + 1];
            try {
                for (int i = 0; i <= n; i++) {
                    data[i] = (byte) bus.read(address + i, 1);
                }
            } catch (BusFaultException e) {
                send(NACK);
                return;
            }
            send(ACK);
            send(data);
        }

        private void go() throws IOException {
            send(ACK);
            Integer address = address();
            if (address == null) {
                return;
            }
            if (!map.executable(address)) {
                send(NACK);
                return;
            }
            send(ACK);
            flush();
            jumped = true;
            chip.core().jumpToApplication(address);   // the application starts on the executing core
            sessionEnded.run();
        }

        private void writeMemory() throws IOException {
            send(ACK);
            Integer address = address();
            if (address == null) {
                return;
            }
            boolean optionBytes = address == MemoryMap.OPTION_BYTES;
            if ((address & 3) != 0 || !(optionBytes || map.writable(address, 4))) {
                send(NACK);
                return;
            }
            send(ACK);
            int n = read();
            byte[] data = new byte[n + 1];
            int checksum = n;
            for (int i = 0; i <= n; i++) {
                data[i] = (byte) read();
                checksum ^= data[i] & 0xFF;
            }
            if (read() != checksum || data.length % 4 != 0
                    || !(optionBytes ? data.length <= MemoryMap.OPTION_BYTES_SIZE : map.writable(address, data.length))) {
                send(NACK);
                return;
            }
            if (optionBytes) {
                boolean ok = fpec.rewriteOptionBytes(data);
                send(ok ? ACK : NACK);
                resetChip();
                return;
            }
            boolean ok = map.isFlash(address) ? fpec.program(address, data) : writeSram(address, data);
            send(ok ? ACK : NACK);
        }

        private boolean writeSram(int address, byte[] data) {
            try {
                for (int i = 0; i < data.length; i += 4) {
                    int word = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16
                            | (data[i + 3] & 0xFF) << 24;
                    bus.write(address + i, 4, word);
                }
                return true;
            } catch (BusFaultException e) {
                return false;
            }
        }

        private void erase() throws IOException {
            send(ACK);
            int n = read();
            if (n == 0xFF) {
                int zero = read();
                if (zero != 0x00) {
                    send(NACK);
                    return;
                }
                send(fpec.massErase() ? ACK : NACK);
                return;
            }
            int[] pages = new int[n + 1];
            int checksum = n;
            for (int i = 0; i <= n; i++) {
                pages[i] = read();
                checksum ^= pages[i];
            }
            if (read() != checksum) {
                send(NACK);
                return;
            }
            int pageSize = chip.profile().pageSize();
            for (int page : pages) {
                if (!map.isFlash(MemoryMap.FLASH_BASE + page * pageSize)) {
                    send(NACK);
                    return;
                }
            }
            boolean ok = true;
            for (int page : pages) {
                ok &= fpec.erasePage(MemoryMap.FLASH_BASE + page * pageSize);
            }
            send(ok ? ACK : NACK);
        }

        private void writeProtect() throws IOException {
            send(ACK);
            int n = read();
            int[] sectors = new int[n + 1];
            int checksum = n;
            for (int i = 0; i <= n; i++) {
                sectors[i] = read();
                checksum ^= sectors[i];
            }
            if (read() != checksum) {
                send(NACK);
                return;
            }
            byte[] options = fpec.readOptionBytes();
            for (int sector : sectors) {
                if (sector < 32) {
                    options[8 + 2 * (sector / 8)] &= (byte) ~(1 << (sector % 8));
                }
            }
            send(fpec.rewriteOptionBytes(options) ? ACK : NACK);
            resetChip();
        }

        private void writeUnprotect() throws IOException {
            send(ACK);
            byte[] options = fpec.readOptionBytes();
            for (int i = 8; i < 16; i += 2) {
                options[i] = (byte) 0xFF;
            }
            send(fpec.rewriteOptionBytes(options) ? ACK : NACK);
            resetChip();
        }

        private void readoutProtect() throws IOException {
            send(ACK);
            byte[] options = fpec.readOptionBytes();
            options[0] = 0x00;   // any RDP value but 0xA5 protects (facts §A.3)
            send(fpec.rewriteOptionBytes(options) ? ACK : NACK);
            resetChip();
        }

        /** Mass erase, then option bytes back to RDP = 0xA5 with no write protection (facts §E.3). */
        private void readoutUnprotect() throws IOException {
            send(ACK);
            // While RDP is set the FPEC refuses MER from system memory; programming RDP = 0xA5
            // then mass-erases by itself (facts §B.6).
            boolean ok = fpec.readProtectionActive() || fpec.massErase();
            byte[] options = fpec.readOptionBytes();
            options[0] = (byte) 0xA5;
            for (int i = 8; i < 16; i += 2) {
                options[i] = (byte) 0xFF;
            }
            ok &= fpec.rewriteOptionBytes(options);
            send(ok ? ACK : NACK);
            resetChip();
        }

        private void resetChip() throws IOException {
            flush();
            chip.systemReset();
            seenResets = chip.resets();
            synchronised = false;
            lockedBaud = 0;
        }
    }
}
