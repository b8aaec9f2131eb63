package io.blueflash.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.model.FlashGeometry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FlashAlgorithm} does on a fresh STM32F1 (erased flash, no protection): the
 * FPEC register path, native bootloader/BMP flashing, a future RAM loader. Pages 1–3 are used.
 */
public abstract class FlashAlgorithmContract {

    /** The algorithm under test on a fresh target; called once per test. */
    protected abstract FlashAlgorithm algorithm();

    /** The target's flash geometry. */
    protected abstract FlashGeometry geometry();

    private FlashAlgorithm algorithm;

    private FlashAlgorithm a() {
        if (algorithm == null) {
            algorithm = algorithm();
        }
        return algorithm;
    }

    private long page(int index) {
        return geometry().pageAddress(index);
    }

    private int pageSize() {
        return geometry().pageSize();
    }

    @Test
    void givenErasedPage_whenProgrammed_thenReadsBackExactly() {
        byte[] data = TestImages.randomBytes(pageSize(), 21);
        a().erasePage(page(1));

        a().programPage(page(1), data);
        a().finish();

        assertThat(a().read(page(1), pageSize())).isEqualTo(data);
    }

    @Test
    void givenDataWithErasedHalfWords_whenProgrammed_thenHolesReadErasedAndTheRestAsWritten() {
        byte[] data = TestImages.countingBytes(pageSize(), 1);
        Arrays.fill(data, 10, 40, (byte) 0xFF);
        data[pageSize() - 1] = (byte) 0xFF;
        a().erasePage(page(2));

        a().programPage(page(2), data);
        a().finish();

        assertThat(a().read(page(2), pageSize())).isEqualTo(data);
    }

    @Test
    void givenThreeProgrammedPages_whenMiddleErased_thenOnlyItReadsErased() {
        byte[] data = TestImages.randomBytes(3 * pageSize(), 8);
        for (int i = 0; i < 3; i++) {
            a().erasePage(page(1 + i));
            a().programPage(page(1 + i), Arrays.copyOfRange(data, i * pageSize(), (i + 1) * pageSize()));
        }
        a().finish();

        a().erasePage(page(2));

        assertThat(a().read(page(1), pageSize())).isEqualTo(Arrays.copyOf(data, pageSize()));
        assertThat(a().read(page(2), pageSize())).containsOnly((byte) 0xFF);
        assertThat(a().read(page(3), pageSize())).isEqualTo(Arrays.copyOfRange(data, 2 * pageSize(), 3 * pageSize()));
    }

    @Test
    void givenProgrammedPages_whenMassErased_thenAllReadErased() {
        a().erasePage(page(1));
        a().programPage(page(1), TestImages.countingBytes(pageSize(), 0));
        a().finish();

        a().massErase();

        assertThat(a().read(page(0), 2 * pageSize())).containsOnly((byte) 0xFF);
    }
}
