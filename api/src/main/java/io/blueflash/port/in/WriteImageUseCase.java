package io.blueflash.port.in;

/** Writes a firmware image to flash: plan, erase, program, verify, optionally reset and run. */
public interface WriteImageUseCase {

    WriteReport write(WriteImageRequest request);
}
