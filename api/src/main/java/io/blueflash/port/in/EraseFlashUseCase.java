package io.blueflash.port.in;

/** Mass erase, or erase of the pages covering an address range. */
public interface EraseFlashUseCase {

    EraseReport erase(EraseFlashRequest request);
}
