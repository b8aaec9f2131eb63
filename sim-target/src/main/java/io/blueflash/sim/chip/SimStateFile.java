package io.blueflash.sim.chip;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * The simulator's state file (DESIGN §3): flash and option bytes of one chip, so that a
 * {@code write} and a later {@code read} in two CLI runs behave as on a real board.
 *
 * <p>Format, version 1, big-endian: magic "BFSIMST\0" (8 bytes), version (u16), profile name
 * (u16 length + UTF-8), flash length (u32) + bytes, option-byte length (u16) + bytes, CRC32 of
 * everything before it (u32). Saving writes a temporary file next to the target and renames it
 * over the old one, so a crash never leaves half a file. Loading never modifies the file: a file
 * that fails any check raises {@link SimStateCorruptException}.
 */
public final class SimStateFile {

    static final byte[] MAGIC = "BFSIMST\0".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private SimStateFile() {
    }

    public static void save(Path file, Stm32F103 chip) {
        write(file, chip.saveState());
    }

    public static void write(Path file, SimState state) {
        byte[] content = encode(state);
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save simulator state to " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original file is intact; a stray temp file is all that is left
                }
            }
        }
    }

    /** Reads {@code file} and restores it into {@code chip} (which is then power-cycled). */
    public static void loadInto(Path file, Stm32F103 chip) {
        SimState state = read(file);
        if (!state.profileName().equals(chip.profile().name())) {
            throw SimStateCorruptException.otherProfile(file, state.profileName(), chip.profile().name());
        }
        if (state.flash().length != chip.profile().physicalFlashBytes()) {
            throw new SimStateCorruptException(file, "it holds " + state.flash().length + " bytes of flash, a "
                    + chip.profile().name() + " has " + chip.profile().physicalFlashBytes());
        }
        chip.restoreState(state);
    }

    public static SimState read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator state file " + file + ": " + e.getMessage(), e);
        }
        return decode(file, content);
    }

    static byte[] encode(SimState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(VERSION);
            byte[] name = state.profileName().getBytes(StandardCharsets.UTF_8);
            out.writeShort(name.length);
            out.write(name);
            byte[] flash = state.flash();
            out.writeInt(flash.length);
            out.write(flash);
            byte[] options = state.optionBytes();
            out.writeShort(options.length);
            out.write(options);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static SimState decode(Path file, byte[] content) {
        if (content.length < MAGIC.length + 2 + 4 || !java.util.Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new SimStateCorruptException(file, "not a blueflash simulator state file (bad magic)");
        }
        ByteBuffer in = ByteBuffer.wrap(content);
        in.position(MAGIC.length);
        int version = Short.toUnsignedInt(in.getShort());
        if (version != VERSION) {
            throw new SimStateCorruptException(file, "format version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(content, 0, content.length - 4);
        int stored = ByteBuffer.wrap(content, content.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new SimStateCorruptException(file, "checksum mismatch (the file was truncated or modified)");
        }
        try {
            byte[] name = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(name);
            int flashLength = in.getInt();
            if (flashLength < 0 || flashLength > in.remaining()) {
                throw new SimStateCorruptException(file, "its flash length field says " + Integer.toUnsignedString(flashLength)
                        + " bytes, more than the file holds (" + content.length + " bytes)");
            }
            byte[] flash = new byte[flashLength];
            in.get(flash);
            byte[] options = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(options);
            if (in.remaining() != 4) {
                throw new SimStateCorruptException(file, "unexpected length");
            }
            return new SimState(new String(name, StandardCharsets.UTF_8), flash, options);
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException | IllegalArgumentException e) {
            throw new SimStateCorruptException(file, "truncated or malformed content");
        }
    }
}
