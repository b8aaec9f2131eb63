package io.blueflash.flash.stm32f1;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.chip.ChipIdentifier;
import io.blueflash.flash.DriverChoice;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.model.TraceSink;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.progress.ProgressListener;
import io.blueflash.transport.serial.gdb.EmulatedBlackMagicProbe;
import io.blueflash.transport.serial.gdb.GdbRemoteProtocol;
import io.blueflash.transport.serial.line.SerialLine;
import io.blueflash.transport.serial.line.SerialSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Prints what deciding "unchanged" for 64 KB (64 pages of 1 KB) costs through the BMP emulator in
 * simulated time, three ways: reading the flash back as hex ({@code m}, what blueflash did before),
 * GDB's {@code qCRC} (the probe's firmware reads the flash over SWD, 128 bytes at a time, and computes the
 * CRC itself; once over 64 KB, and once per page as a page-by-page decision needs), and blueflash's CRC
 * routine on the target's core ({@link NativeFlashPageCrc}, loader download included). The figures are
 * in docs/flash-loader.md. Run: {@code ./mvnw -o -q test -pl transport-serial -am
 * -Dtest=BlackMagicProbeCompareCostPrintTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BlackMagicProbeCompareCostPrintTest {

    private static final long BASE = 0x0800_0000L;
    private static final int PAGES = 64;

    @Test
    void given64Pages_whenComparedByReadBackQcrcAndTheCrcRoutine_thenTheRoutineCostsLeastAndFiguresPrinted() {
        long readBack;
        long qcrcWhole;
        long qcrcPages;
        try (EmulatedBlackMagicProbe probe = new EmulatedBlackMagicProbe("stm32f103c8")) {
            SerialLine line = probe.opener().open(EmulatedBlackMagicProbe.PORT, SerialSettings.eightNoneOne(115_200));
            GdbRemoteProtocol rsp = new GdbRemoteProtocol(line, Duration.ofSeconds(5), TraceSink.NONE);
            rsp.request("qSupported:xmlRegisters=arm");
            rsp.monitor("swd_scan", Duration.ofSeconds(5));
            rsp.request("vAttach;1");
            readBack = timed(probe, () -> {
                for (int done = 0; done < PAGES * 1024; done += 496) {
                    rsp.request(String.format("m%x,%x", BASE + done, Math.min(496, PAGES * 1024 - done)));
                }
            });
            qcrcWhole = timed(probe, () -> rsp.request(String.format("qCRC:%x,%x", BASE, PAGES * 1024)));
            qcrcPages = timed(probe, () -> IntStream.range(0, PAGES)
                    .forEach(page -> rsp.request(String.format("qCRC:%x,400", BASE + page * 1024L))));
            rsp.request("D");
            line.close();
        }
        long routine;
        try (EmulatedBlackMagicProbe probe = new EmulatedBlackMagicProbe("stm32f103c8");
             TargetConnection connection = probe.connector().connect(
                     new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT), ConnectOptions.defaults())) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            FlashGeometry geometry = new ChipIdentifier().identify(memory, OptionalInt.empty()).flash();
            NativeFlashPageCrc crc = new NativeFlashPageCrc(memory,
                    new PrimaskRunControl(connection.coreControl().orElseThrow(), memory), geometry,
                    SramWorkArea.fit(20 * 1024, SramLoaderImage.bytes().length).orElseThrow(),
                    new DriverChoice(ProgramPacing.AUTO, false, ProgressListener.NONE));
            List<Long> pages = new ArrayList<>();
            IntStream.range(0, PAGES).forEach(page -> pages.add(geometry.pageAddress(page)));
            routine = timed(probe, () -> crc.onTarget(pages));
        }

        System.out.printf("BMP emulator, deciding 'unchanged' for 64 pages of 1 KB (simulated time):%n");
        System.out.printf("  read back as hex (m, 496 B each)     %7.1f ms%n", readBack / 1e6);
        System.out.printf("  qCRC over the 64 KB, one request      %7.1f ms%n", qcrcWhole / 1e6);
        System.out.printf("  qCRC per page, 64 requests            %7.1f ms%n", qcrcPages / 1e6);
        System.out.printf("  CRC routine on the core (with loader) %7.1f ms%n", routine / 1e6);
        assertThat(routine).isLessThan(qcrcWhole);
        assertThat(qcrcWhole).isLessThan(readBack);
    }

    private static long timed(EmulatedBlackMagicProbe probe, Runnable job) {
        long start = probe.chip.clock().nanos();
        job.run();
        return probe.chip.clock().nanos() - start;
    }
}
