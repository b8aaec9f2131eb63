package io.blueflash.bench.jmh;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.IntelHexImageReader;
import io.blueflash.image.TestImages;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parsing a 1 MB image written as Intel HEX with 16-byte records (about 2.9 MB of text, 65 536 records). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IntelHexParseBenchmark {

    private byte[] hexFile;
    private final IntelHexImageReader reader = new IntelHexImageReader();

    @Setup
    public void setUp() {
        hexFile = TestImages.oneMegabyteIntelHex();
    }

    @Benchmark
    public FirmwareImage parseOneMegabyteHex() {
        return reader.read("1mb.hex", hexFile);
    }
}
