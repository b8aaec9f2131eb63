package io.blueflash.sim.chip;

import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.bus.SystemBus;
/** Test helper: the FPEC register sequences of facts §B over one bus master. */
final class Fpec {

    static final int FLASH = 0x0800_0000;
    static final int KEYR = 0x4002_2004, OPTKEYR = 0x4002_2008, SR = 0x4002_200C, CR = 0x4002_2010, AR = 0x4002_2014,
            OBR = 0x4002_201C, WRPR = 0x4002_2020;
    static final int BSY = 1, PGERR = 4, WRPRTERR = 0x10, EOP = 0x20;
    static final int PG = 1, PER = 2, MER = 4, OPTPG = 0x10, OPTER = 0x20, STRT = 0x40, LOCK = 0x80, OPTWRE = 0x200;

    private final SystemBus bus;
    private final int bankOffset;

    Fpec(SystemBus bus) {
        this(bus, 0);
    }

    Fpec(SystemBus bus, int bankOffset) {
        this.bus = bus;
        this.bankOffset = bankOffset;
    }

    int sr() {
        return bus.read(SR + bankOffset, 4);
    }

    int cr() {
        return bus.read(CR + bankOffset, 4);
    }

    void writeCr(int value) {
        bus.write(CR + bankOffset, 4, value);
    }

    void unlock() {
        bus.write(KEYR + bankOffset, 4, FlashController.KEY1);
        bus.write(KEYR + bankOffset, 4, FlashController.KEY2);
    }

    void unlockOptions() {
        bus.write(OPTKEYR, 4, FlashController.KEY1);
        bus.write(OPTKEYR, 4, FlashController.KEY2);
    }

    void waitWhileBusy(SimClock clock) {
        while ((sr() & BSY) != 0) {
            clock.advance(1_000);
        }
    }

    void clearFlags() {
        bus.write(SR + bankOffset, 4, PGERR | WRPRTERR | EOP);
    }

    void program(int address, int halfWord, SimClock clock) {
        writeCr(PG);
        bus.write(address, 2, halfWord);
        waitWhileBusy(clock);
        writeCr(0);
    }

    void erasePage(int address, SimClock clock) {
        writeCr(PER);
        bus.write(AR + bankOffset, 4, address);
        writeCr(PER | STRT);
        waitWhileBusy(clock);
        writeCr(0);
    }

    void massErase(SimClock clock) {
        writeCr(MER);
        writeCr(MER | STRT);
        waitWhileBusy(clock);
        writeCr(0);
    }

    void eraseOptionBytes(SimClock clock) {
        writeCr(OPTER | OPTWRE);
        writeCr(OPTER | STRT | OPTWRE);
        waitWhileBusy(clock);
        writeCr(OPTWRE);
    }

    void programOption(int address, int value, SimClock clock) {
        writeCr(OPTPG | OPTWRE);
        bus.write(address, 2, value);
        waitWhileBusy(clock);
        writeCr(OPTWRE);
    }
}
