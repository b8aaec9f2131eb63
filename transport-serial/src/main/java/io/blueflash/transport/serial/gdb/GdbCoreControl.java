package io.blueflash.transport.serial.gdb;

import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.TargetCommunicationException;
import java.time.Duration;

/**
 * {@link CoreControl} as far as RSP allows (facts §F): halt with GDB's interrupt byte 0x03 (only
 * meaningful while the core runs; BMP halts the core when attaching), run with {@code c} (the stop
 * reply comes when the core halts), reset with {@code monitor reset} (BMP keeps the reset vector
 * catch set while attached, so the core stops at the reset vector), registers with {@code p}/{@code P}
 * numbered from the target description, falling back to {@code g} for reads.
 */
final class GdbCoreControl implements CoreControl {

    private static final Duration HALT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RESET_TIMEOUT = Duration.ofSeconds(5);

    private final BmpSession session;

    GdbCoreControl(BmpSession session) {
        this.session = session;
    }

    @Override
    public void halt() {
        if (session.running()) {
            expectStopReply(session.protocol.interrupt(HALT_TIMEOUT));
            session.setRunning(false);
        }
    }

    @Override
    public void resume() {
        if (!session.running()) {
            session.finishFlash();
            session.protocol.sendOnly("c");
            session.setRunning(true);
        }
    }

    @Override
    public boolean isHalted() {
        if (!session.running()) {
            return true;
        }
        try {
            expectStopReply(session.protocol.awaitReply("stop reply", Duration.ofMillis(1)));
            session.setRunning(false);
            return true;
        } catch (io.blueflash.transport.serial.gdb.RspTimeoutException e) {
            return false;
        }
    }

    @Override
    public void resetAndHalt() {
        halt();
        session.finishFlash();
        MonitorResult result = session.protocol.monitor("reset", RESET_TIMEOUT);
        if (!result.ok()) {
            throw new TargetCommunicationException("monitor reset failed on " + session.protocol.portName() + ": "
                    + (result.output().isBlank() ? result.status() : result.output().trim()));
        }
    }

    @Override
    public void resetAndRun() {
        resetAndHalt();
        resume();
    }

    @Override
    public int readCoreRegister(int regsel) {
        session.requireHalted("reading a core register");
        int number = session.registers.numberOf(regsel);
        if (number < 0) {
            throw new IllegalArgumentException("the probe's target description has no register for REGSEL " + regsel);
        }
        String reply = session.protocol.request(String.format("p%x", number));
        if (reply.isEmpty()) { // server without 'p': read them all
            String all = session.protocol.request("g");
            int index = session.registers.gPacketIndexOf(regsel);
            reply = all.substring(index * 8, index * 8 + 8);
        }
        return Integer.reverseBytes(Integer.parseUnsignedInt(reply.substring(0, 8), 16));
    }

    @Override
    public void writeCoreRegister(int regsel, int value) {
        session.requireHalted("writing a core register");
        int number = session.registers.numberOf(regsel);
        if (number < 0) {
            throw new IllegalArgumentException("the probe's target description has no register for REGSEL " + regsel);
        }
        String reply = session.protocol.request(String.format("P%x=%08x", number, Integer.reverseBytes(value)));
        if (!reply.equals("OK")) {
            throw new RspProtocolException("writing register " + number + " answered '" + reply + "'");
        }
    }

    /** One {@code g} for all of them when each is in the {@code g} packet, else one {@code p} each. */
    @Override
    public int[] readCoreRegisters(int... regsels) {
        session.requireHalted("reading core registers");
        if (!allInGPacket(regsels)) {
            return CoreControl.super.readCoreRegisters(regsels);
        }
        String all = session.protocol.request("g");
        int[] values = new int[regsels.length];
        for (int i = 0; i < regsels.length; i++) {
            String word = wordAt(all, session.registers.gPacketIndexOf(regsels[i]));
            if (word == null) {
                return CoreControl.super.readCoreRegisters(regsels);
            }
            values[i] = Integer.reverseBytes(Integer.parseUnsignedInt(word, 16));
        }
        return values;
    }

    /**
     * One {@code g} and one {@code G} (the whole register file, with these replaced) when each is in the
     * {@code g} packet and the probe reports every register there, else one {@code P} each.
     */
    @Override
    public void writeCoreRegisters(int[] regsels, int[] values) {
        session.requireHalted("writing core registers");
        if (regsels.length != values.length) {
            throw new IllegalArgumentException(regsels.length + " registers but " + values.length + " values");
        }
        String all = allInGPacket(regsels) ? session.protocol.request("g") : "";
        StringBuilder file = new StringBuilder(all);
        for (int i = 0; i < regsels.length && file.length() > 0; i++) {
            int index = session.registers.gPacketIndexOf(regsels[i]);
            if (wordAt(all, index) == null) {
                file.setLength(0);
            } else {
                file.replace(index * 8, index * 8 + 8, String.format("%08x", Integer.reverseBytes(values[i])));
            }
        }
        if (file.length() == 0 || file.indexOf("x") >= 0) {
            CoreControl.super.writeCoreRegisters(regsels, values);
            return;
        }
        String reply = session.protocol.request("G" + file);
        if (!reply.equals("OK")) {
            throw new RspProtocolException("writing the registers with G answered '" + RspCodec.abbreviate(reply) + "'");
        }
    }

    private boolean allInGPacket(int[] regsels) {
        return java.util.Arrays.stream(regsels).allMatch(regsel -> session.registers.gPacketIndexOf(regsel) >= 0);
    }

    /** The hex word at {@code index} of a {@code g} reply; null when missing or unavailable ('x'). */
    private static String wordAt(String all, int index) {
        if (index < 0 || (index + 1) * 8 > all.length()) {
            return null;
        }
        String word = all.substring(index * 8, index * 8 + 8);
        return word.indexOf('x') >= 0 ? null : word;
    }

    @Override
    public void waitForHalt(Duration timeout) {
        if (!session.running()) {
            return;
        }
        try {
            expectStopReply(session.protocol.awaitReply("stop reply", timeout));
            session.setRunning(false);
        } catch (RspTimeoutException e) {
            throw new TargetCommunicationException("the core did not halt within " + timeout.toMillis() + " ms", e);
        }
    }

    private static void expectStopReply(String reply) {
        if (reply.isEmpty() || (reply.charAt(0) != 'T' && reply.charAt(0) != 'S')) {
            throw new RspProtocolException("expected a stop reply (T/S), got '" + RspCodec.abbreviate(reply) + "'");
        }
    }
}
