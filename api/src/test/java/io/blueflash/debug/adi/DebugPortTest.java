package io.blueflash.debug.adi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.PollBudget;
import io.blueflash.port.out.TargetCommunicationException;
import org.junit.jupiter.api.Test;

class DebugPortTest {

    private final FakeMemAp dap = new FakeMemAp(1024);

    @Test
    void givenTarget_whenConnect_thenLineResetClearStickyPowerUpAndDpidrReturned() {
        int dpidr = new DebugPort(dap).connect();

        assertThat(dpidr).isEqualTo(FakeMemAp.DPIDR);
        assertThat(dap.log).containsExactly("LINE RESET", "W ABORT 0x1E", "W CTRL/STAT 0x50000000", "R CTRL/STAT");
    }

    @Test
    void givenTargetNeverAcknowledgesPowerUp_whenConnect_thenClearErrorAfterBudget() {
        dap.powerUpAcks = false;

        assertThatThrownBy(() -> new DebugPort(dap, PollBudget.attempts(3)).connect())
                .isInstanceOf(TargetCommunicationException.class)
                .hasMessageContaining("power-up not acknowledged after 3 reads")
                .hasMessageContaining("wiring");
    }

    @Test
    void givenApRegisterInAnotherBank_whenReadAp_thenSelectWrittenOnlyOnBankChange() {
        DebugPort dp = new DebugPort(dap);

        dp.readAp(0, MemApRegisters.CSW);
        dp.readAp(0, MemApRegisters.TAR);
        dp.readAp(0, MemApRegisters.IDR);

        assertThat(dap.log).containsExactly("W SELECT 0x00000000", "R AP 0x00", "R RDBUFF",
                "R AP 0x04", "R RDBUFF", "W SELECT 0x000000F0", "R AP 0xFC", "R RDBUFF");
    }
}
