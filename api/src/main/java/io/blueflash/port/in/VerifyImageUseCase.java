package io.blueflash.port.in;

/** Compares target memory with an image, byte for byte. A mismatch is a report, not an exception. */
public interface VerifyImageUseCase {

    VerifyReport verify(VerifyImageRequest request);
}
