package io.blueflash.sim.chip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimStateLockTest {

    @TempDir
    Path dir;

    @Test
    void givenHeldLock_whenSecondSessionLocks_thenBusyNamingTheHolder() {
        Path state = dir.resolve("chip.state");
        try (SimStateLock first = SimStateLock.acquire(state, "blueflash sim serve")) {
            assertThat(first.held()).isTrue();
            assertThatThrownBy(() -> SimStateLock.acquire(state, "blueflash write"))
                    .isInstanceOf(SimStateBusyException.class)
                    .hasMessageContaining(state.toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void givenReleasedLock_whenLockedAgain_thenGrantedAndHolderWritten() throws Exception {
        Path state = dir.resolve("chip.state");
        SimStateLock.acquire(state, "first").close();
        try (SimStateLock again = SimStateLock.acquire(state, "second session")) {
            assertThat(again.held()).isTrue();
            assertThat(Files.readString(SimStateLock.lockFileOf(state)))
                    .isEqualTo("pid " + ProcessHandle.current().pid() + ": second session\n");
        }
        assertThat(Files.readString(SimStateLock.lockFileOf(state))).as("emptied on release").isEmpty();
    }

    @Test
    void givenLockFileWithStaleHolder_whenNobodyHoldsTheLock_thenGranted() throws Exception {
        Path state = dir.resolve("chip.state");
        Files.writeString(SimStateLock.lockFileOf(state), "pid 1: killed -9 long ago\n");
        try (SimStateLock lock = SimStateLock.acquire(state, "new")) {
            assertThat(lock.held()).isTrue();
        }
    }
}
