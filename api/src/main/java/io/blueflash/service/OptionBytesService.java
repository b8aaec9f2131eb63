package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.flash.stm32f1.FpecOptionBytes;
import io.blueflash.flash.stm32f1.OptionByteImage;
import io.blueflash.flash.stm32f1.ReadProtection;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.OptionBytesState;
import io.blueflash.port.in.OptionBytesChange;
import io.blueflash.port.in.OptionBytesReadRequest;
import io.blueflash.port.in.OptionBytesReading;
import io.blueflash.port.in.OptionBytesReport;
import io.blueflash.port.in.OptionBytesRequest;
import io.blueflash.port.in.OptionBytesUseCase;
import io.blueflash.port.out.NativeProtectionAccess;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.progress.ProgressEvent;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Changes RDP / WRP (facts §B.6, §B.7). Connections whose far end has its own commands for it
 * ({@link NativeProtectionAccess}: the ROM bootloader, facts §E.3) use them; the others go through
 * the FPEC registers over {@code MemoryAccess} ({@link FpecOptionBytes}, facts §B.5) with the core
 * halted, after reading the stored option bytes so that everything not asked for is written back
 * unchanged. Nothing is written when the option bytes already hold the result.
 */
public final class OptionBytesService implements OptionBytesUseCase {

    private static final String REGISTERS = "FPEC option-byte registers over the debug port (PM0075 §2.3.5)";
    private static final String BOOTLOADER = "ROM bootloader command (AN3155 §3)";

    private final ProbeConnectors connectors;

    public OptionBytesService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public OptionBytesReading read(OptionBytesReadRequest request) {
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            byte[] raw = session.memory().readBlock(OptionByteImage.BASE, OptionByteImage.SIZE);
            return new OptionBytesReading(session.probe(), OptionByteImage.state(raw), session.timing());
        }
    }

    @Override
    public OptionBytesReport change(OptionBytesRequest request) {
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            var natively = session.connection().nativeProtectionAccess();
            if (natively.isPresent()) {
                return natively(session, natively.get(), request);
            }
            return throughRegisters(session, request);
        }
    }

    private OptionBytesReport throughRegisters(Session session, OptionBytesRequest request) {
        ChipDescription chip = session.identify(request.flashSizeBytes(), request.progress());
        session.haltIfPossible();
        FpecOptionBytes optionBytes = new FpecOptionBytes(session.memory(), chip.flash());
        OptionByteImage before = optionBytes.read();
        boolean rdpInForce = ReadProtection.isActive(session.memory()).orElse(before.readProtected());
        List<Integer> bits = wrpBits(request.change(), chip.flash());
        OptionByteImage after = apply(before, request.change(), bits);
        boolean erases = request.change() instanceof OptionBytesChange.RemoveReadProtection && rdpInForce;
        boolean write = !after.equals(before) || erases;
        if (write) {
            if (erases) {
                request.progress().onEvent(new ProgressEvent.Note(
                        "removing read protection: the chip mass-erases its main flash (PM0075 §2.4.1)"));
            }
            optionBytes.program(after);
        } else {
            request.progress().onEvent(new ProgressEvent.Note("the option bytes already hold this: nothing written"));
        }
        return new OptionBytesReport(session.probe(), chip.summary(), request.change(), REGISTERS, write, erases, bits,
                storedBytes(session), false, session.timing());
    }

    private OptionBytesReport natively(Session session, NativeProtectionAccess access, OptionBytesRequest request) {
        OptionBytesChange change = request.change();
        List<Integer> bits = List.of();
        String chip = session.connection().probe().description();
        if (change instanceof OptionBytesChange.WriteProtect) {
            ChipDescription described = session.identify(request.flashSizeBytes(), request.progress());
            chip = described.summary();
            bits = wrpBits(change, described.flash());
        }
        if (change instanceof OptionBytesChange.RemoveReadProtection) {
            access.removeReadProtection();
        } else if (change instanceof OptionBytesChange.SetReadProtection) {
            access.setReadProtection();
        } else if (change instanceof OptionBytesChange.WriteProtect) {
            access.writeProtect(bits.stream().mapToInt(Integer::intValue).toArray());
        } else {
            access.removeWriteProtection();
        }
        return new OptionBytesReport(session.probe(), chip, change, BOOTLOADER, true,
                change instanceof OptionBytesChange.RemoveReadProtection, bits, storedBytes(session), true,
                session.timing());
    }

    private static List<Integer> wrpBits(OptionBytesChange change, FlashGeometry geometry) {
        if (change instanceof OptionBytesChange.WriteProtect protect) {
            TreeSet<Integer> bits = new TreeSet<>();
            protect.pages().forEach(page -> bits.add(OptionByteImage.wrpBitOf(geometry, page)));
            return List.copyOf(bits);
        }
        return List.of();
    }

    private static OptionByteImage apply(OptionByteImage before, OptionBytesChange change, List<Integer> bits) {
        if (change instanceof OptionBytesChange.RemoveReadProtection) {
            return before.withRdp(OptionByteImage.RDP_UNPROTECTED);
        }
        if (change instanceof OptionBytesChange.SetReadProtection) {
            return before.readProtected() ? before : before.withRdp(OptionByteImage.RDP_PROTECTED);
        }
        if (change instanceof OptionBytesChange.WriteProtect) {
            int wrp = before.wrp();
            for (int bit : bits) {
                wrp &= ~(1 << bit);
            }
            return before.withWrp(wrp);
        }
        return before.withWrp(0xFFFF_FFFF);
    }

    /** The stored option bytes, or empty when the connection can no longer read them. */
    private static Optional<OptionBytesState> storedBytes(Session session) {
        try {
            return Optional.of(OptionByteImage.state(session.memory().readBlock(OptionByteImage.BASE,
                    OptionByteImage.SIZE)));
        } catch (TargetCommunicationException unreadable) {
            return Optional.empty();
        }
    }
}
