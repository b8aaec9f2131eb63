package io.blueflash.debug.cortexm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.PollBudget;
import io.blueflash.port.out.TargetCommunicationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CortexMCoreControlTest {

    private final FakeCortexM3 core = new FakeCortexM3();
    private final CortexMCoreControl control = new CortexMCoreControl(core, PollBudget.attempts(5));

    @Test
    void givenRunningCore_whenHalt_thenDbgkeyHaltDebugenWrittenAndHalted() {
        control.halt();

        assertThat(control.isHalted()).isTrue();
        assertThat(core.writes).containsExactly("DHCSR <- 0xA05F0003");
    }

    @Test
    void givenCoreIgnoringHalt_whenHalt_thenTimeoutNamingSHalt() {
        core.ignoresHaltRequests = true;

        assertThatThrownBy(control::halt).isInstanceOf(TargetCommunicationException.class)
                .hasMessageContaining("S_HALT").hasMessageContaining("5 polls");
    }

    @Test
    void givenHaltedCore_whenWriteThenReadCoreRegister_thenDcrdrDcrsrSequenceAndValueRoundTrips() {
        control.halt();
        core.writes.clear();

        control.writeCoreRegister(15, 0x2000_0001);
        int pc = control.readCoreRegister(15);

        assertThat(pc).isEqualTo(0x2000_0001);
        assertThat(core.writes).containsExactly("DCRDR <- 0x20000001", "DCRSR <- 0x0001000F", "DCRSR <- 0x0000000F");
    }

    @Test
    void givenRunningCore_whenReadCoreRegister_thenIllegalStateSaysHaltFirst() {
        assertThatThrownBy(() -> control.readCoreRegister(0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("halt()");
    }

    @Test
    void givenRunningCore_whenResetAndHalt_thenVectorCatchArmedResetRequestedAndDisarmedAfter() {
        control.resetAndHalt();

        assertThat(core.halted).isTrue();
        assertThat(core.resets).isEqualTo(1);
        assertThat(core.registers[15]).isEqualTo(0x0800_0100);
        assertThat(core.writes).containsExactly(
                "DHCSR <- 0xA05F0003",
                "DEMCR <- 0x01000501",
                "DFSR <- 0x00000008",
                "AIRCR <- 0x05FA0004");
        control.settle();
        assertThat(core.writes).endsWith("DEMCR <- 0x01000000");
        assertThat(core.demcr & CortexMRegisters.DEMCR_VC_CORERESET).isZero();
        assertThat(control.isHalted()).isTrue();
        assertThat(core.reads).as("DEMCR read once, the catch seen in DFSR, S_HALT not asked again")
                .containsExactly("DEMCR", "DFSR");
    }

    @Test
    void givenResetHaltedCore_whenFaultCatchesArmedThenPutBack_thenOneDemcrWriteEachAndNoRead() {
        core.demcr = 0x0000_0020;                       // a user's VC_NOCPERR, kept throughout
        control.resetAndHalt();
        core.writes.clear();
        core.reads.clear();

        assertThat(control.catchFaults(true)).isTrue();
        int armed = core.demcr;
        control.catchFaults(false);

        assertThat(armed).isEqualTo(0x0100_07F0 | 0x20);
        assertThat(core.writes).containsExactly("DEMCR <- 0x010007F0", "DEMCR <- 0x01000020");
        assertThat(core.reads).isEmpty();
    }

    @Test
    void givenResetHaltedCore_whenResumedOrFaultCatchesArmed_thenDemcrOwedIsWrittenFirstOrWithThem() {
        control.resetAndHalt();
        core.writes.clear();

        control.resume();

        assertThat(core.writes).startsWith("DEMCR <- 0x01000000");
        assertThat(core.demcr & CortexMRegisters.DEMCR_VC_CORERESET).isZero();

        control.resetAndHalt();
        core.writes.clear();
        control.catchFaults(true);
        control.settle();

        assertThat(core.writes).as("the reset catch goes with the fault catches' write; nothing owed after")
                .containsExactly("DEMCR <- 0x010007F0");
    }

    @Test
    void givenHaltedThenResumed_whenIsHalted_thenDhcsrReadAgainOnlyAfterTheResume() {
        control.halt();
        core.reads.clear();
        assertThat(control.isHalted()).isTrue();
        assertThat(core.reads).isEmpty();

        control.resume();

        assertThat(control.isHalted()).isFalse();
        assertThat(core.reads).containsExactly("DHCSR");
    }

    @Test
    void givenHaltedCore_whenResetAndRun_thenNoVectorCatchAndCoreRuns() {
        control.halt();
        core.demcr = CortexMRegisters.DEMCR_VC_CORERESET;

        control.resetAndRun();

        assertThat(core.halted).isFalse();
        assertThat(core.resets).isEqualTo(1);
        assertThat(core.writes).endsWith("DHCSR <- 0xA05F0001", "AIRCR <- 0x05FA0004");
    }

    @Test
    void givenBusErrorsWhileResetInProgress_whenResetAndHaltOrRun_thenTreatedAsNotYetAndSucceeds() {
        core.faultingReadsAfterReset = 2;

        control.resetAndHalt();
        assertThat(core.halted).isTrue();

        control.resetAndRun();
        assertThat(core.halted).isFalse();
        assertThat(core.resets).isEqualTo(2);
    }

    @Test
    void givenHaltedCore_whenResume_thenRunsWithDebugStillEnabled() {
        control.halt();

        control.resume();

        assertThat(control.isHalted()).isFalse();
        assertThat(core.debugEnabled).isTrue();
    }

    @Test
    void givenCoreThatNeverHalts_whenWaitForHalt_thenTimeout() {
        assertThatThrownBy(() -> control.waitForHalt(Duration.ZERO))
                .isInstanceOf(TargetCommunicationException.class).hasMessageContaining("halt");
    }
}
