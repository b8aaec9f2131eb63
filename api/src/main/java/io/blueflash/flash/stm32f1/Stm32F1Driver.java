package io.blueflash.flash.stm32f1;

import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.PageChecksums;
import io.blueflash.flash.PagePlan;
import io.blueflash.flash.ProtectionResult;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.OptionBytesState;
import io.blueflash.model.TraceSink;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.trace.TraceOperation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The STM32F1 flash driver on one connection: erase and program through the operations
 * {@link Stm32F1Flash} chose (FPEC registers or the far end's commands), RDP read from FLASH_OBR
 * (facts §B.6), the option bytes read from 0x1FFF_F800 (facts §A.3), protection changed through
 * the chosen {@link Stm32F1Protection}; page checksums on the target when the SRAM loader is in use.
 */
final class Stm32F1Driver implements FlashDriver {

    private final FlashAlgorithm operations;
    private final MemoryAccess memory;
    private final FlashGeometry geometry;
    private final Stm32F1Protection protection;
    private final TraceSink trace;
    private final Supplier<Optional<PageChecksums>> checksums;

    Stm32F1Driver(FlashAlgorithm operations, MemoryAccess memory, FlashGeometry geometry, Stm32F1Protection protection) {
        this(operations, memory, geometry, protection, TraceSink.NONE);
    }

    /** @param trace hears the read-protection check (the operations trace their own steps) */
    Stm32F1Driver(FlashAlgorithm operations, MemoryAccess memory, FlashGeometry geometry, Stm32F1Protection protection,
                  TraceSink trace) {
        this(operations, memory, geometry, protection, trace, Optional::empty);
    }

    /** @param checksums page checksums on the target, asked for when the service wants them */
    Stm32F1Driver(FlashAlgorithm operations, MemoryAccess memory, FlashGeometry geometry, Stm32F1Protection protection,
                  TraceSink trace, Supplier<Optional<PageChecksums>> checksums) {
        this.trace = Objects.requireNonNull(trace, "'trace' must not be null");
        this.checksums = Objects.requireNonNull(checksums, "'checksums' must not be null");
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
        this.memory = Objects.requireNonNull(memory, "'memory' must not be null");
        this.geometry = Objects.requireNonNull(geometry, "'geometry' must not be null");
        this.protection = Objects.requireNonNull(protection, "'protection' must not be null");
    }

    @Override
    public String name() {
        return operations.name();
    }

    @Override
    public void erasePage(long pageAddress) {
        operations.erasePage(pageAddress);
    }

    @Override
    public void massErase() {
        operations.massErase();
    }

    @Override
    public void programPage(long address, byte[] data) {
        operations.programPage(address, data);
    }

    @Override
    public void erasePages(List<Long> pageAddresses, LongConsumer erased) {
        operations.erasePages(pageAddresses, erased);
    }

    @Override
    public void programPages(List<PagePlan> pages, Consumer<PagePlan> programmed) {
        operations.programPages(pages, programmed);
    }

    @Override
    public byte[] read(long address, int length) {
        return operations.read(address, length);
    }

    @Override
    public void finish() {
        operations.finish();
    }

    /** Bank 2 of XL-density parts starts at 0x0808_0000 (facts §B.1). */
    @Override
    public int bankOf(long address) {
        return address >= FpecRegisters.BANK2_START ? 2 : 1;
    }

    /** FLASH_OBR.RDPRT first: a read-protected chip refuses debug programming (PM0075 §2.4.1). */
    @Override
    public void requireNotReadProtected() {
        trace.operation(new TraceOperation.CheckReadProtection());
        FlashDriver.super.requireNotReadProtected();
    }

    @Override
    public Optional<PageChecksums> pageChecksums() {
        return checksums.get();
    }

    @Override
    public Optional<Boolean> readProtectionActive() {
        return ReadProtection.isActive(memory);
    }

    @Override
    public OptionBytesState readOptionBytes() {
        return OptionByteImage.state(memory.readBlock(OptionByteImage.BASE, OptionByteImage.SIZE), geometry.baseAddress());
    }

    @Override
    public ProtectionResult removeReadProtection() {
        return protection.removeReadProtection(readProtectionActive());
    }

    @Override
    public ProtectionResult setReadProtection() {
        return protection.setReadProtection();
    }

    @Override
    public ProtectionResult writeProtect(List<Integer> pages) {
        return protection.writeProtect(pages);
    }

    @Override
    public ProtectionResult removeWriteProtection() {
        return protection.removeWriteProtection();
    }
}
