package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The two flash loaders real tools download into SRAM (OpenOCD 0.12 stm32f1x async loader,
 * stlink 1.7.0 F1 loader), written here as the half-words their sources assemble to, run against
 * a fake FPEC exactly as the host tools set them up.
 */
class FlashLoaderExecutionTest {

    /** OpenOCD contrib/loaders/flash/stm32/stm32f1x.S (60 bytes, ARMv6-M subset). */
    static final int[] OPENOCD_STM32F1X = {
        0x6816, 0x2E00, 0xD018, 0x6855, 0x42B5, 0xD0F9, 0x882E, 0x8026, 0x3502, 0x3402,
        0x68C6, 0x2701, 0x423E, 0xD1FB, 0x2714, 0x423E, 0xD108, 0x429D, 0xD301, 0x4615,
        0x3508, 0x6055, 0x3901, 0x2900, 0xD002, 0xE7E5, 0x2000, 0x6050, 0x4630, 0xBE00,
    };

    /** stlink 1.7.0 loader_code_stm32vl (76 bytes: 64 of code, then 0x40022000, 0x10, 0x0C). */
    static final int[] STLINK_STM32VL = {
        0xBF00, 0xBF00, 0x4F0E, 0x441F, 0x4E0E, 0x443E, 0x4D0E, 0x443D, 0xF04F, 0x0401,
        0x6034, 0x8804, 0x800C, 0x3002, 0x3102, 0xF04F, 0x0701, 0x682C, 0x423C, 0xD1FC,
        0xF04F, 0x0714, 0x423C, 0xD101, 0x3A02, 0xDCF0, 0xF04F, 0x0701, 0x6834, 0x43BC,
        0x6034, 0xBE00, 0x2000, 0x4002, 0x0010, 0x0000, 0x000C, 0x0000,
    };

    private static byte[] data(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }

    private static TestMachine openOcdLoader(FakeFpec fpec, byte[] image, int flashAddress) {
        TestMachine machine = TestMachine.halfwords(OPENOCD_STM32F1X);
        fpec.attach(machine.context);
        fpec.cr = FakeFpec.PG;
        int fifo = TestContext.SRAM + 0x100;
        int fifoEnd = fifo + 8 + image.length;
        machine.context.load(fifo + 8, image);
        machine.context.write(fifo, 4, fifoEnd); // wp: everything written already
        machine.context.write(fifo + 4, 4, fifo + 8); // rp
        machine.set(0, FakeFpec.REGISTERS).set(1, image.length / 2).set(2, fifo).set(3, fifoEnd)
                .set(4, flashAddress);
        machine.state.setXpsr(0x0100_0000);
        return machine;
    }

    @Test
    void givenOpenOcdStm32f1xLoaderWithAFullFifo_whenRun_thenEveryHalfWordIsProgrammedAndR0HoldsFlashSr() {
        FakeFpec fpec = new FakeFpec();
        byte[] image = data(256);
        TestMachine machine = openOcdLoader(fpec, image, FakeFpec.FLASH_BASE + 0x400);

        machine.runToBreakpoint();

        assertThat(machine.pc()).isEqualTo(TestMachine.ORIGIN + 0x3A);
        assertThat(Arrays.copyOfRange(fpec.flash, 0x400, 0x500)).isEqualTo(image);
        assertThat(fpec.programmed).isEqualTo(128);
        assertThat(machine.r(0) & (FakeFpec.PGERR | FakeFpec.WRPRTERR | FakeFpec.BSY)).isZero();
        assertThat(machine.r(4)).isEqualTo(FakeFpec.FLASH_BASE + 0x500);
        assertThat(machine.context.word(TestContext.SRAM + 0x104)).as("rp wrapped at the FIFO end")
                .isEqualTo(TestContext.SRAM + 0x100 + 8);
    }

    @Test
    void givenOpenOcdLoaderAndAWriteProtectedPage_whenRun_thenItStopsWithWrprterrInR0AndRpZero() {
        FakeFpec fpec = new FakeFpec();
        fpec.protectedPage = 1;
        TestMachine machine = openOcdLoader(fpec, data(64), FakeFpec.FLASH_BASE + 0x400);

        machine.runToBreakpoint();

        assertThat(machine.r(0) & FakeFpec.WRPRTERR).isNotZero();
        assertThat(machine.context.word(TestContext.SRAM + 0x104)).as("rp = 0 means aborted by target").isZero();
    }

    @Test
    void givenOpenOcdLoaderAndAnEmptyFifoWithWpZero_whenRun_thenItExitsAtOnce() {
        FakeFpec fpec = new FakeFpec();
        TestMachine machine = openOcdLoader(fpec, data(16), FakeFpec.FLASH_BASE);
        machine.context.write(TestContext.SRAM + 0x100, 4, 0);

        machine.runToBreakpoint();

        assertThat(fpec.programmed).isZero();
        assertThat(machine.steps).isEqualTo(5);
    }

    private static TestMachine stlinkLoader(FakeFpec fpec, byte[] page, int flashAddress) {
        TestMachine machine = TestMachine.halfwords(STLINK_STM32VL);
        fpec.attach(machine.context);
        int buffer = TestContext.SRAM + 0x4C;
        machine.context.load(buffer, page);
        machine.set(0, buffer).set(1, flashAddress).set(2, page.length).set(3, 0);
        return machine;
    }

    @Test
    void givenStlinkF1LoaderAndAPage_whenRun_thenThePageIsProgrammedPgIsClearedAndR2IsInTheSuccessRange() {
        FakeFpec fpec = new FakeFpec();
        byte[] page = data(1024);
        TestMachine machine = stlinkLoader(fpec, page, FakeFpec.FLASH_BASE + 0x800);

        machine.runToBreakpoint();

        assertThat(machine.pc()).isEqualTo(TestMachine.ORIGIN + 0x3E);
        assertThat(Arrays.copyOfRange(fpec.flash, 0x800, 0xC00)).isEqualTo(page);
        assertThat(fpec.cr & FakeFpec.PG).isZero();
        assertThat(machine.r(2)).isBetween(-7, 0);
        assertThat(machine.r(1)).isEqualTo(FakeFpec.FLASH_BASE + 0xC00);
    }

    @Test
    void givenStlinkF1LoaderAndANonErasedHalfWord_whenRun_thenItStopsEarlyWithR2OutsideTheSuccessRange() {
        FakeFpec fpec = new FakeFpec();
        fpec.flash[0x10] = 0x00;
        TestMachine machine = stlinkLoader(fpec, data(64), FakeFpec.FLASH_BASE);

        machine.runToBreakpoint();

        assertThat(machine.r(2)).isGreaterThan(0);
        assertThat(fpec.sr & FakeFpec.PGERR).isNotZero();
        assertThat(fpec.cr & FakeFpec.PG).isZero();
    }
}
