package io.blueflash.transport.serial.gdb;

import java.time.Duration;

/**
 * State shared by the views of one {@link BlackMagicTargetConnection}: the protocol, the probe's
 * packet size, its memory map and register numbers, whether flash writes wait for vFlashDone and
 * whether the core was let run (after which GDB expects a stop reply, facts §F).
 */
final class BmpSession {

    /** vFlashDone programs the last buffered block (≤ 2 KB: ~55 ms of flash time); generous. */
    static final Duration FLASH_DONE_TIMEOUT = Duration.ofSeconds(10);

    final GdbRemoteProtocol protocol;
    final int packetSize;
    final GdbMemoryMap memoryMap;
    final GdbRegisterMap registers;
    private boolean flashPending;
    private boolean running;

    BmpSession(GdbRemoteProtocol protocol, int packetSize, GdbMemoryMap memoryMap, GdbRegisterMap registers) {
        this.protocol = protocol;
        this.packetSize = packetSize;
        this.memoryMap = memoryMap;
        this.registers = registers;
    }

    /** Largest payload (between '$' and '#') this session sends, leaving room for the command header. */
    int maxPayload() {
        return packetSize - 32;
    }

    void flashWritten() {
        flashPending = true;
    }

    /** Sends vFlashDone if flash writes are still buffered in the probe. */
    void finishFlash() {
        if (flashPending) {
            flashPending = false;
            protocol.request("vFlashDone", FLASH_DONE_TIMEOUT);
        }
    }

    boolean running() {
        return running;
    }

    void setRunning(boolean running) {
        this.running = running;
    }

    /** Memory, register and flash requests need a halted core in GDB's model: halt it first. */
    void requireHalted(String what) {
        if (running) {
            throw new IllegalStateException("the core is running: halt it before " + what);
        }
    }
}
