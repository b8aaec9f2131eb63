package io.blueflash.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where {@code read FILE} puts its bytes, as a shell redirection would: {@code -} is standard output;
 * a device, FIFO or anything else that is not a regular file (and every path under /dev or /proc)
 * is opened and written in place; a symbolic link is followed and its target written; a regular
 * file is replaced atomically (a temporary file beside it, renamed over it) so that a failed read
 * never leaves half a file, keeping the old file's permissions, and a new file gets the usual
 * umask permissions.
 */
public final class OutputFile {

    /** The name that means standard output. */
    public static final String STDOUT = "-";

    private static final int MAX_LINKS = 40;

    private OutputFile() {
    }

    public static boolean isStdout(Path file) {
        return file.toString().equals(STDOUT);
    }

    /** Writes {@code bytes} to {@code file} ({@code -}: to {@code stdout}). */
    public static void write(Path file, byte[] bytes, PrintStream stdout) {
        try {
            if (isStdout(file)) {
                stdout.write(bytes);
                stdout.flush();
                return;
            }
            Path target = followLinks(file.toAbsolutePath());
            if (isSpecial(target)) {
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    out.write(bytes);
                }
                return;
            }
            replaceAtomically(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }

    /** The path a chain of symbolic links ends at (which need not exist yet). */
    private static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(current); i++) {
            Path link = Files.readSymbolicLink(current);
            current = current.resolveSibling(link).normalize();
        }
        if (Files.isSymbolicLink(current)) {
            throw new IOException("too many levels of symbolic links");
        }
        return current;
    }

    private static boolean isSpecial(Path target) {
        String text = target.toString();
        return text.startsWith("/dev/") || text.startsWith("/proc/")
                || Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
    }

    private static void replaceAtomically(Path target, byte[] bytes) throws IOException {
        Path directory = target.getParent();
        Path temp = directory.resolve("." + target.getFileName() + "." + Long.toHexString(
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".part");
        try {
            // CREATE_NEW without attributes: the mode is 0666 minus the umask, as for any new file
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            if (Files.exists(target) && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
