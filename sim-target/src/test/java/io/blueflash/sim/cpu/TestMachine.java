package io.blueflash.sim.cpu;

/** A core for tests: state, fake context and interpreter, with code placed in SRAM. */
final class TestMachine {

    static final int ORIGIN = TestContext.SRAM;
    static final int STACK_TOP = TestContext.SRAM + 0x8000;

    final CoreState state = new CoreState();
    final TestContext context = new TestContext(state);
    final ThumbInterpreter cpu = new ThumbInterpreter();
    long cycles;
    long steps;

    TestMachine() {
        state.r[CoreState.SP] = STACK_TOP;
        state.r[CoreState.PC] = ORIGIN;
    }

    /** A machine whose SRAM holds {@code source} assembled by GNU as at {@link #ORIGIN}. */
    static TestMachine assembled(String source) {
        TestMachine machine = new TestMachine();
        machine.context.load(ORIGIN, GnuAssembler.assemble(source));
        return machine;
    }

    /** A machine whose SRAM holds the given half-words at {@link #ORIGIN}. */
    static TestMachine halfwords(int... halfwords) {
        TestMachine machine = new TestMachine();
        machine.context.loadHalfwords(ORIGIN, halfwords);
        return machine;
    }

    TestMachine set(int register, int value) {
        state.r[register] = value;
        return this;
    }

    int r(int register) {
        return state.r[register];
    }

    int pc() {
        return state.r[CoreState.PC];
    }

    int step() {
        int taken = cpu.step(state, context);
        cycles += taken;
        steps++;
        return taken;
    }

    /** Steps until the core stops at a BKPT (the fake context does not continue past it). */
    TestMachine runToBreakpoint() {
        int before = context.breakpoints.size();
        for (int i = 0; i < 10_000_000; i++) {
            step();
            if (context.breakpoints.size() > before) {
                return this;
            }
        }
        throw new AssertionError("no BKPT reached; PC = " + Integer.toHexString(pc()));
    }

    boolean flag(int flag) {
        return (state.apsr & flag) != 0;
    }
}
