package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test against QEMU's Cortex-M3 model: random Thumb-2 programs run on both, and the
 * registers and xPSR before every instruction must agree (QEMU is the architectural referee; cycle
 * counts are not compared).
 */
class QemuDifferentialTest {

    @ParameterizedTest(name = "given random program {0}, when run on QEMU and on the interpreter, then every state agrees")
    @ValueSource(longs = {1, 2, 3})
    void givenARandomProgram_whenRunOnBoth_thenEveryInstructionLeavesTheSameState(long seed) {
        String program = new RandomThumbProgram(seed).generate(1000);
        QemuReferee.Run qemu = QemuReferee.run(program);
        assertThat(qemu.states()).as("QEMU trace").hasSizeGreaterThan(1000);

        TestMachine m = new TestMachine();
        m.context.load(0, qemu.image());
        int[] first = qemu.states().get(0);
        for (int i = 0; i < 16; i++) {
            m.state.r[i] = first[i];
        }
        m.state.setXpsr(first[16]);
        List<int[]> ours = new ArrayList<>();
        while (m.context.breakpoints.isEmpty() && ours.size() < qemu.states().size() + 10) {
            ours.add(snapshot(m.state));
            m.step();
        }

        for (int i = 0; i < Math.min(ours.size(), qemu.states().size()); i++) {
            int[] expected = qemu.states().get(i);
            int[] actual = ours.get(i);
            if (!java.util.Arrays.equals(expected, actual)) {
                assertThat(describe(actual)).as("state before instruction %d at 0x%08X (after the one at 0x%08X)\n%s",
                        i, expected[15], i > 0 ? qemu.states().get(i - 1)[15] : 0, program)
                        .isEqualTo(describe(expected));
            }
        }
        assertThat(ours).hasSameSizeAs(qemu.states());
    }

    private static int[] snapshot(CoreState s) {
        int[] state = new int[17];
        System.arraycopy(s.r, 0, state, 0, 16);
        state[16] = s.xpsr();
        return state;
    }

    private static String describe(int[] state) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            text.append(String.format("R%d=%08X ", i, state[i]));
        }
        return text.append(String.format("XPSR=%08X", state[16])).toString();
    }
}
