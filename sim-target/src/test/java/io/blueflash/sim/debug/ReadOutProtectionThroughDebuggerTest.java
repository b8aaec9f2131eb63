package io.blueflash.sim.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.probe.ApFaultException;
import io.blueflash.sim.probe.SwdProbeEngine;
import org.junit.jupiter.api.Test;

/** Read-out protection as a debugger meets it (facts §B.6), over the SW-DP. */
class ReadOutProtectionThroughDebuggerTest {

    private static final int KEYR = 0x4002_2004, OPTKEYR = 0x4002_2008, SR = 0x4002_200C, CR = 0x4002_2010,
            AR = 0x4002_2014;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SwdProbeEngine dbg = new SwdProbeEngine(chip.swd());

    private void unlock() {
        if ((dbg.read32(CR) & 0x80) != 0) {
            dbg.write32(KEYR, 0x4567_0123);
            dbg.write32(KEYR, 0xCDEF_89AB);
        }
    }

    private void waitBsy() {
        while ((dbg.read32(SR) & 1) != 0) {
            Thread.onSpinWait();
        }
    }

    private void protect() {
        unlock();
        dbg.write32(OPTKEYR, 0x4567_0123);
        dbg.write32(OPTKEYR, 0xCDEF_89AB);
        dbg.write32(CR, 0x220);
        dbg.write32(CR, 0x260);
        waitBsy();
        dbg.write32(CR, 0x210);
        dbg.write16(0x1FFF_F800, 0x00); // RDP = 0x00: protected after reset
        waitBsy();
        dbg.write32(CR, 0x80);
        chip.systemReset();
    }

    @Test
    void givenRdp_whenDebuggerReadsFlash_thenFaultButSramAndIdsStillReadable() {
        dbg.connect();
        unlock();
        dbg.write32(CR, 1);
        dbg.write16(0x0800_1000, 0x1234);
        waitBsy();
        protect();
        assertThat(chip.isReadProtected()).isTrue();
        assertThatThrownBy(() -> dbg.read32(0x0800_1000)).isInstanceOf(ApFaultException.class);
        assertThat(dbg.read32(0xE004_2000)).isEqualTo(0x2003_6410);
        dbg.write32(0x2000_0000, 42);
        assertThat(dbg.read32(0x2000_0000)).isEqualTo(42);
    }

    @Test
    void givenRdp_whenDebuggerProgramsOrErases_thenPgerrAndFlashUnchanged() {
        dbg.connect();
        protect();
        unlock();
        dbg.write32(SR, 0x34);
        dbg.write32(CR, 1);
        dbg.write16(0x0800_2000, 0x1234);
        assertThat(dbg.read32(SR) & 0x4).isEqualTo(0x4);
        dbg.write32(SR, 0x34);
        dbg.write32(CR, 2);
        dbg.write32(AR, 0x0800_0000);
        dbg.write32(CR, 0x42);
        assertThat(dbg.read32(SR) & 0x5).isEqualTo(0x4);
    }

    @Test
    void givenRdpAndDebuggerAttachedSincePowerOn_whenFirmwareReadsFlash_thenBusErrorUntilPowerCycle() {
        dbg.connect();
        protect();
        assertThatThrownBy(() -> chip.cpuBus().read(0x0800_0000, 4)).isInstanceOf(BusFaultException.class);
        chip.powerCycle();
        assertThat(chip.cpuBus().read(0x0800_0000, 4)).isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void givenRdp_whenDebuggerRemovesIt_thenFlashMassErasedAndReadableAfterReset() {
        dbg.connect();
        unlock();
        dbg.write32(CR, 1);
        dbg.write16(0x0800_1000, 0x1234);
        waitBsy();
        protect();
        unlock();
        dbg.write32(OPTKEYR, 0x4567_0123);
        dbg.write32(OPTKEYR, 0xCDEF_89AB);
        dbg.write32(CR, 0x220);
        dbg.write32(CR, 0x260);
        waitBsy();
        dbg.write32(CR, 0x210);
        dbg.write16(0x1FFF_F800, 0xA5);
        waitBsy();
        chip.systemReset();
        assertThat(chip.isReadProtected()).isFalse();
        assertThat(dbg.read32(0x0800_1000)).isEqualTo(0xFFFF_FFFF);
    }
}
