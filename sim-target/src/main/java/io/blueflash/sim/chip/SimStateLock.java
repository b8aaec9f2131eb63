package io.blueflash.sim.chip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of one simulator state file for a whole session, as a USB or serial probe is
 * used by one process at a time. The lock is an OS file lock ({@link FileChannel#tryLock()}) on a
 * sibling file {@code FILE.lock}, never on the state file itself (saving renames a new file over
 * it); the holder writes its pid and command line into the lock file so a refused process can name
 * it. The kernel drops the lock when the holder dies, even under kill -9, so a stale lock file is
 * harmless. A directory where no lock file can be created (read-only) is used unlocked: nothing can
 * be saved there either, and saving reports that.
 */
public final class SimStateLock implements AutoCloseable {

    private static final int HOLDER_TEXT_MAX = 300;

    private final FileChannel channel;
    private final FileLock lock;

    private SimStateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code stateFile}: {@code FILE.lock} beside it. */
    public static Path lockFileOf(Path stateFile) {
        Path absolute = stateFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Locks {@code stateFile} for this session.
     *
     * @param holder how this session describes itself to a refused one (e.g. "blueflash sim serve")
     * @throws SimStateBusyException when another process or session holds it
     */
    public static SimStateLock acquire(Path stateFile, String holder) {
        Path lockFile = lockFileOf(stateFile);
        FileChannel channel;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            return new SimStateLock(null, null); // read-only place: see the class comment
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new SimStateBusyException(stateFile, "this process (pid " + ProcessHandle.current().pid() + ")");
        } catch (IOException e) {
            closeQuietly(channel);
            return new SimStateLock(null, null); // a file system without locks (some network mounts)
        }
        if (lock == null) {
            String owner = readHolder(lockFile);
            closeQuietly(channel);
            throw new SimStateBusyException(stateFile, owner);
        }
        SimStateLock acquired = new SimStateLock(channel, lock);
        acquired.describe(holder);
        return acquired;
    }

    /** True when an OS lock is held (false in a read-only directory). */
    public boolean held() {
        return lock != null && lock.isValid();
    }

    private void describe(String holder) {
        String text = "pid " + ProcessHandle.current().pid() + ": " + (holder == null || holder.isBlank()
                ? ProcessHandle.current().info().commandLine().orElse("unknown command") : holder);
        if (text.length() > HOLDER_TEXT_MAX) {
            text = text.substring(0, HOLDER_TEXT_MAX) + "...";
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // the lock holds without the description; a refused process then says "another process"
        }
    }

    private static String readHolder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases the lock anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held any more
        }
    }
}
