package io.blueflash.sim.gdb;

import java.util.List;

/**
 * What the Black Magic Probe firmware's target layer does for its GDB server: scan the SWD bus or the
 * JTAG chain, attach, memory and register access, run control and the STM32F1 flash driver. The RSP
 * side ({@link GdbServerEmulator}) only translates packets; this side spends the SWD transactions or,
 * after a JTAG scan, the JTAG scans.
 * Failures are {@link BmpTargetException}s, which the server answers with {@code E nn}.
 */
interface BmpTarget {

    /** {@code monitor swd_scan}: the lines BMP prints (voltage, DPIDR, target list). */
    List<String> swdScan();

    /** {@code monitor connect_rst enable|disable}: hold NRST while the next scan connects. */
    void setConnectUnderReset(boolean enabled);

    boolean connectUnderReset();

    /** {@code monitor targets}: the target list of the last scan (empty before any scan). */
    List<String> targetList();

    /** {@code vAttach;n}: attaches to target {@code n} of the last scan and halts its core. */
    void attach(int targetNumber);

    boolean isAttached();

    /** Lets the core run and forgets the target (GDB {@code D}). */
    void detach();

    /** GDB remote register numbers of the target description (r0–r12, sp, lr, pc, xpsr = 25). */
    int readRegister(int gdbRegister);

    void writeRegister(int gdbRegister, int value);

    /** The {@code g} packet registers in order. */
    int[] gdbRegisterNumbers();

    byte[] readMemory(int address, int length);

    void writeMemory(int address, byte[] data);

    void halt();

    void resume();

    boolean isHalted();

    /**
     * After the core halted while it ran for {@code c}: reads DFSR and writes the value back, clearing
     * its sticky bits, as BMP's halt poll does when it works out why the core stopped (so DFSR reads 0
     * by the time GDB sees the stop reply).
     */
    void haltObserved();

    /** {@code s}: executes one instruction with interrupts masked (DHCSR C_STEP | C_MASKINTS) and halts. */
    void step();

    /** {@code Z0}/{@code Z1}: a hardware breakpoint (FPB); false when none is free or the address is not code. */
    boolean insertBreakpoint(int address);

    boolean removeBreakpoint(int address);

    /** {@code Z2}/{@code Z3}/{@code Z4}: a DWT watchpoint; false when none is free or the range is unusable. */
    boolean insertWatchpoint(CortexMBreakUnits.Watch kind, int address, int length);

    boolean removeWatchpoint(int address);

    /** After a halt, the stop-reply words naming a watchpoint that fired ({@code watch:ADDR;}), or "". */
    String watchStopReason();

    /** {@code monitor reset}: system reset; an attached core stays halted at the reset vector. */
    void reset();

    /** The {@code qXfer:memory-map:read} document (facts §F.3). */
    String memoryMapXml();

    /** {@code vFlashErase:addr,length}: erases the blocks of that range. */
    void flashErase(int address, int length);

    /** {@code vFlashWrite:addr:data}: buffers, programming whole blocks as BMP does. */
    void flashWrite(int address, byte[] data);

    /** {@code vFlashDone}: programs what is still buffered and locks the FPEC. */
    void flashDone();

    /** {@code monitor erase_mass}: mass erase of main flash (facts §B.5). */
    void massErase();

    /** {@code monitor option erase}: erases the option bytes and writes RDP 0x5AA5 (facts §B.6). */
    void optionErase();

    /** FLASH_OBR.RDPRT: the attached part is read protected. */
    boolean readProtected();

    /**
     * {@code monitor option <addr> <value>}: one option-byte slot (0x1FFF_F800 + 2n, n &lt; 8) set to the
     * half-word {@code value}, the others kept; outside the slots nothing happens, as in BMP.
     */
    void optionWrite(int address, int value);

    /** The eight option-byte half-words as BMP prints them ({@code 0x1FFFF800: 0x5AA5}). */
    List<String> optionSlots();

    /**
     * {@code monitor jtag_scan}: the lines BMP prints, reaching the target through its JTAG-DP from now
     * on (until the next {@link #swdScan()}).
     */
    List<String> jtagScan();

    /** The SWJ clock the probe runs the wire at, SWCLK or TCK, in Hz ({@code monitor frequency}). */
    long swjFrequencyHz();

    /** Asks for an SWJ clock; the probe runs at the nearest it can (0 or less: the slowest). */
    void setSwjFrequencyHz(long hz);
}
