package io.blueflash.port.in;

/** Reads target memory (flash, SRAM, system memory, peripherals) into bytes. */
public interface ReadMemoryUseCase {

    ReadReport read(ReadMemoryRequest request);
}
