package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What the Cortex-M3 does not implement faults as the silicon does (ARMv7-M ARM A5, Cortex-M3
 * TRM §2.3): DSP-extension, ARM-only and ARMv8-M encodings UNDEFINSTR, the coprocessor and FPU
 * space NOCP, with the PC on the faulting instruction and no register changed.
 */
class UnimplementedInstructionTest {

    private static void assertEachInstructionFaults(byte[] code, int width, CpuFault.Kind kind) {
        TestMachine m = new TestMachine();
        m.context.load(TestMachine.ORIGIN, code);
        assertThat(code.length).isPositive();
        for (int offset = 0; offset < code.length; offset += width) {
            int address = TestMachine.ORIGIN + offset;
            m.set(CoreState.PC, address);
            for (int i = 0; i < 13; i++) {
                m.set(i, 0x2000_1000 + i);
            }
            m.state.apsr = 0;
            assertThatThrownBy(m::step).as("%04X %04X", m.context.read(address, 2), m.context.read(address + 2, 2))
                    .isInstanceOf(CpuFault.class)
                    .extracting(f -> ((CpuFault) f).kind()).isEqualTo(kind);
            assertThat(m.pc()).isEqualTo(address);
            assertThat(m.r(0)).isEqualTo(0x2000_1000);
            assertThat(m.state.apsr).isZero();
        }
    }

    @Test
    void givenDspExtensionInstructionsFromACortexM4Assembly_whenStepped_thenEachFaultsUndefinstr() {
        byte[] code = GnuAssembler.assembleFor(".cpu cortex-m4", """
                sxtab r0, r1, r2
                uxtah r0, r1, r2
                sxtab16 r0, r1, r2
                sxtb16 r0, r1
                uxtb16 r0, r1
                sadd8 r0, r1, r2
                uqsub16 r0, r1, r2
                shadd16 r0, r1, r2
                qadd r0, r1, r2
                qdsub r0, r1, r2
                sel r0, r1, r2
                pkhbt r0, r1, r2, lsl #4
                ssat16 r0, #4, r1
                usat16 r0, #4, r1
                smulbb r0, r1, r2
                smlabt r0, r1, r2, r3
                smlawb r0, r1, r2, r3
                smulwt r0, r1, r2
                smlad r0, r1, r2, r3
                smlsd r0, r1, r2, r3
                smuad r0, r1, r2
                smmul r0, r1, r2
                smmla r0, r1, r2, r3
                smmls r0, r1, r2, r3
                smlalbb r0, r1, r2, r3
                smlald r0, r1, r2, r3
                smlsld r0, r1, r2, r3
                umaal r0, r1, r2, r3
                usad8 r0, r1, r2
                usada8 r0, r1, r2, r3
                """);
        assertEachInstructionFaults(code, 4, CpuFault.Kind.UNDEFINSTR);
    }

    @Test
    void givenFpuAndCoprocessorInstructions_whenStepped_thenEachFaultsNocp() {
        byte[] code = GnuAssembler.assembleFor(".cpu cortex-m4\n.fpu fpv4-sp-d16", """
                vadd.f32 s0, s1, s2
                vldr s0, [r0]
                vmov r0, s0
                vpush {s0}
                vmrs r0, fpscr
                mrc p15, 0, r0, c1, c0, 0
                mcr p14, 0, r0, c1, c0, 0
                ldc p1, c2, [r0]
                stc p1, c2, [r0]
                cdp p3, 0, c1, c2, c3, 0
                mcrr p2, 0, r0, r1, c3
                mrc2 p2, 0, r0, c1, c0, 0
                cdp2 p3, 0, c1, c2, c3, 0
                """);
        assertEachInstructionFaults(code, 4, CpuFault.Kind.NOCP);
    }

    @Test
    void givenArmv8mInstructions_whenStepped_thenEachFaultsUndefinstr() {
        byte[] code = GnuAssembler.assembleFor(".arch armv8-m.main", """
                tt r0, r1
                tta r0, r1
                lda r0, [r1]
                stl r0, [r1]
                ldaex r0, [r1]
                stlexb r2, r0, [r1]
                sg
                """);
        assertEachInstructionFaults(code, 4, CpuFault.Kind.UNDEFINSTR);
    }

    @Test
    void givenNonArmv7mThirtyTwoBitEncodings_whenStepped_thenEachFaultsUndefinstr() {
        int[] encodings = {
            0xF000, 0xC000, // BLX imm
            0xF3AF, 0x8620, // CPSID.W i (A/R profile only)
            0xF7F0, 0x8000, // SMC
            0xF7E0, 0x8000, // HVC
            0xF3DE, 0x8F00, // ERET / SUBS PC, LR
            0xF3C0, 0x8F00, // BXJ
            0xE80D, 0xC000, // SRS
            0xE810, 0xC000, // RFE
            0xE8D1, 0x007F, // LDREXD
            0xE8C1, 0x0070, // STREXD
            0xF7F0, 0xA000, // UDF.W
            0xF3BF, 0x8F70, // unallocated miscellaneous control
            0xF850, 0x0A00, // LDR imm8 with P = 0, W = 0
            0xF950, 0x0000, // LDRSW does not exist
        };
        byte[] code = new byte[encodings.length * 2];
        for (int i = 0; i < encodings.length; i++) {
            code[2 * i] = (byte) encodings[i];
            code[2 * i + 1] = (byte) (encodings[i] >>> 8);
        }
        assertEachInstructionFaults(code, 4, CpuFault.Kind.UNDEFINSTR);
    }

    @Test
    void givenNonArmv7mSixteenBitEncodings_whenStepped_thenEachFaultsUndefinstr() {
        int[] encodings = {0xDE00, 0xDEFF, 0xB650, 0xB658, 0xBA80, 0xB700, 0xB800, 0xB8FF};
        byte[] code = new byte[encodings.length * 2];
        for (int i = 0; i < encodings.length; i++) {
            code[2 * i] = (byte) encodings[i];
            code[2 * i + 1] = (byte) (encodings[i] >>> 8);
        }
        assertEachInstructionFaults(code, 2, CpuFault.Kind.UNDEFINSTR);
    }
}
