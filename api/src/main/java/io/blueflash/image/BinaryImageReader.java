package io.blueflash.image;

/** A raw binary: every byte of the file, in order, from one address (st-flash {@code write FILE ADDR}). */
public final class BinaryImageReader implements ImageReader {

    private final long address;

    public BinaryImageReader(long address) {
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(String.format("'address' must be a 32-bit address: 0x%X", address));
        }
        this.address = address;
    }

    @Override
    public FirmwareImage read(String sourceName, byte[] content) {
        if (content.length == 0) {
            throw new ImageFormatException(sourceName + ": the file is empty, nothing to write");
        }
        if (address + content.length > 0x1_0000_0000L) {
            throw new ImageFormatException(String.format("%s: %d bytes at 0x%08X run past the end of the 32-bit address space",
                    sourceName, content.length, address));
        }
        return FirmwareImage.binary(address, content);
    }
}
