package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.probe.SwdProbeEngine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The two flash loaders real hosts download (facts §6.1 OpenOCD 0.12 stm32f1x async loader, §6.2
 * stlink 1.7.0 F1 loader), driven through the SW-DP/AHB-AP exactly as those hosts drive them,
 * executing on the simulated chip's core and programming its real flash through the FPEC.
 */
class LoadersOnChipTest {

    private static final int DHCSR = 0xE000_EDF0, DFSR = 0xE000_ED30, CFSR = 0xE000_ED28, HFSR = 0xE000_ED2C;
    private static final int FPEC = 0x4002_2000, KEYR = FPEC + 4, SR = FPEC + 0x0C, CR = FPEC + 0x10, AR = FPEC + 0x14;
    private static final int WORK_AREA = 0x2000_0000;
    private static final long MS = 1_000_000L;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SwdProbeEngine dbg = new SwdProbeEngine(chip.swd());

    private static byte[] bytes(int[] halfWords) {
        ByteBuffer b = ByteBuffer.allocate(halfWords.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int h : halfWords) {
            b.putShort((short) h);
        }
        return b.array();
    }

    private static byte[] data(int length, int seed) {
        byte[] d = new byte[length];
        for (int i = 0; i < length; i++) {
            d[i] = (byte) (i * 13 + seed);
        }
        return d;
    }

    private void haltAndUnlock() {
        dbg.connect();
        dbg.write32(DHCSR, 0xA05F_0003);
        dbg.write32(KEYR, 0x4567_0123);
        dbg.write32(KEYR, 0xCDEF_89AB);
    }

    private void erasePage(int address) {
        dbg.write32(CR, 2);                  // PER
        dbg.write32(AR, address);
        dbg.write32(CR, 2 | 0x40);           // PER | STRT
        while ((dbg.read32(SR) & 1) != 0) {
            chip.runFor(MS);
        }
        dbg.write32(CR, 0);
    }

    /** stlink 1.7.0 {@code stlink_flash_loader_run}: registers, IWDG reload, run with C_MASKINTS, poll C_HALT every 10 ms. */
    private int stlinkRunLoader(int flashAddress, byte[] page) {
        dbg.writeBlock(WORK_AREA + 0x4C, page, 4);
        dbg.writeCoreRegister(0, WORK_AREA + 0x4C);
        dbg.writeCoreRegister(1, flashAddress);
        dbg.writeCoreRegister(2, page.length);
        dbg.writeCoreRegister(3, 0);
        dbg.writeCoreRegister(15, WORK_AREA);
        dbg.write32(0x4000_3000, 0xAAAA);    // IWDG_KR reload
        int xpsr = dbg.readCoreRegister(16);
        if ((xpsr & 1 << 24) == 0) {
            dbg.writeCoreRegister(16, xpsr | 1 << 24);
        }
        dbg.write32(DHCSR, 0xA05F_000B);     // C_MASKINTS changes only while halted
        dbg.write32(DHCSR, 0xA05F_0009);     // run, interrupts masked
        for (int poll = 0; poll < 50; poll++) {
            chip.runFor(10 * MS);
            if ((dbg.read32(DHCSR) & 2) != 0) {
                return dbg.readCoreRegister(2);
            }
        }
        throw new AssertionError("stlink loader did not halt within 500 ms");
    }

    @Test
    void givenStlink17Host_whenItFlashesTwoPagesWithItsLoader_thenFlashHoldsThemAndDhcsrIs0003000B() {
        haltAndUnlock();
        erasePage(0x0800_0400);
        erasePage(0x0800_0800);
        dbg.writeBlock(WORK_AREA, bytes(FlashLoaderExecutionTest.STLINK_STM32VL), 4);
        dbg.write32(DFSR, 0x1F);
        dbg.write32(CFSR, 0xFFFF_FFFF);
        dbg.write32(HFSR, 0xFFFF_FFFF);
        byte[] first = data(1024, 1);
        byte[] second = data(1024, 7);

        int r2First = stlinkRunLoader(0x0800_0400, first);
        int dhcsr = dbg.read32(DHCSR);
        int r2Second = stlinkRunLoader(0x0800_0800, second);

        assertThat(r2First).isBetween(-7, 0);
        assertThat(r2Second).isBetween(-7, 0);
        assertThat(dhcsr).as("S_HALT|S_REGRDY|C_MASKINTS|C_HALT|C_DEBUGEN").isEqualTo(0x0003_000B);
        assertThat(dbg.readCoreRegister(15)).as("halted at the loader's BKPT").isEqualTo(WORK_AREA + 0x3E);
        assertThat(dbg.read32(CFSR)).isZero();
        assertThat(dbg.read32(HFSR)).isZero();
        assertThat(dbg.readBlock(0x0800_0400, 1024, 4)).isEqualTo(first);
        assertThat(dbg.readBlock(0x0800_0800, 1024, 4)).isEqualTo(second);
        assertThat(dbg.read32(CR) & 1).as("the loader clears PG").isZero();
    }

    @Test
    void givenOpenOcdHost_whenItStreamsThroughTheAsyncLoadersFifo_thenFlashIsProgrammedWhileTheCoreRuns() {
        haltAndUnlock();
        for (int page = 0; page < 4; page++) {
            erasePage(0x0800_1000 + 1024 * page);
        }
        byte[] image = data(4096, 3);
        int code = WORK_AREA;
        int fifo = WORK_AREA + 0x40;
        int fifoSize = 256;
        int fifoEnd = fifo + 8 + fifoSize;
        dbg.writeBlock(code, bytes(FlashLoaderExecutionTest.OPENOCD_STM32F1X), 4);
        dbg.write32(fifo, fifo + 8);         // wp
        dbg.write32(fifo + 4, fifo + 8);     // rp
        dbg.write32(CR, 1);                  // PG
        dbg.writeCoreRegister(0, FPEC);
        dbg.writeCoreRegister(1, image.length / 2);
        dbg.writeCoreRegister(2, fifo);
        dbg.writeCoreRegister(3, fifoEnd);
        dbg.writeCoreRegister(4, 0x0800_1000);
        dbg.writeCoreRegister(16, 0x0100_0000);
        dbg.writeCoreRegister(15, code);
        dbg.write32(DHCSR, 0xA05F_0001);     // resume: the loader waits on the empty FIFO

        int sent = 0;
        int wp = fifo + 8;
        int idlePolls = 0;
        while (sent < image.length) {
            int rp = dbg.read32(fifo + 4);
            assertThat(rp).as("rp = 0: aborted by target").isNotZero();
            int free = rp > wp ? rp - wp - 2 : fifoEnd - wp - (rp == fifo + 8 ? 2 : 0);
            if (free <= 0) {
                chip.runFor(2 * MS);       // OpenOCD sleeps when the FIFO is full
                assertThat(++idlePolls).isLessThan(2500);
                continue;
            }
            int chunk = Math.min(free & ~1, image.length - sent);
            byte[] part = java.util.Arrays.copyOfRange(image, sent, sent + chunk);
            dbg.writeBlock(wp, part, 2);
            sent += chunk;
            wp += chunk;
            if (wp >= fifoEnd) {
                wp = fifo + 8;
            }
            dbg.write32(fifo, wp);
        }
        int polls = 0;
        while ((dbg.read32(DHCSR) & 1 << 17) == 0) {
            chip.runFor(MS);
            assertThat(++polls).as("halt within 10 s").isLessThan(10_000);
        }

        assertThat(dbg.readCoreRegister(15)).isEqualTo(code + 0x3A);
        assertThat(dbg.readCoreRegister(0) & 0x15).as("FLASH_SR without BSY/PGERR/WRPRTERR").isZero();
        assertThat(dbg.read32(fifo + 4)).isNotZero();
        assertThat(dbg.readCoreRegister(4)).isEqualTo(0x0800_1000 + image.length);
        assertThat(dbg.readBlock(0x0800_1000, image.length, 4)).isEqualTo(image);
    }
}
