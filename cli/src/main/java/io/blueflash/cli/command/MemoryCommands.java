package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.cli.console.ExitCode;
import io.blueflash.cli.output.IntelHexText;
import io.blueflash.cli.output.OutputFile;
import io.blueflash.image.ImageFormat;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.EraseFlashRequest;
import io.blueflash.port.in.EraseReport;
import io.blueflash.port.in.InspectTargetRequest;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.ReadReport;
import io.blueflash.port.in.TargetInfo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.blueflash.cli.args.NumberArguments.hex32;

/** {@code read} into a file (binary or Intel HEX) and {@code erase} (mass or a page range). */
final class MemoryCommands {

    private final CommandContext ctx;

    MemoryCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    ExitCode read(Path file, long address, long size) {
        boolean toStdout = OutputFile.isStdout(file);
        if (toStdout && ctx.settings.json()) {
            throw new UsageException("read - writes the data to stdout, where --json writes its document: "
                    + "drop --json or name a file");
        }
        ProbeSelector probe = ctx.probe();
        ConnectOptions connect = ctx.connect(probe);
        long length = size == 0 ? toEndOfFlash(probe, connect, address) : size;
        ReadReport r = ctx.useCases.read().read(new ReadMemoryRequest(probe, connect, new AddressRange(address, length),
                ctx.progress));
        boolean hex = ctx.settings.format().map(ImageFormat::parse).orElse(ImageFormat.fromFileName(file.toString())
                .orElse(ImageFormat.BINARY)) == ImageFormat.IHEX;
        OutputFile.write(file, hex ? IntelHexText.of(r.address(), r.data()).getBytes(StandardCharsets.US_ASCII)
                : r.data(), ctx.env.out());
        Map<String, Object> fields = ResultPrinter.fields("file", file.toString(), "probe", r.probe(),
                "address", hex32(r.address()), "bytes", r.data().length, "format", hex ? "ihex" : "binary");
        List<String> lines = List.of(String.format("read %d bytes at %s from %s into %s", r.data().length,
                hex32(r.address()), r.probe(), toStdout ? "standard output" : file));
        return toStdout ? ctx.printer.okBesideData("read", fields, r.timing(), lines)
                : ctx.printer.ok("read", fields, r.timing(), lines);
    }

    /** {@code --area=system|option read FILE [SIZE]}: the area's own base; SIZE (or 0) at most the area. */
    ExitCode readArea(Path file, MemoryArea area, OptionalLong size) {
        long base;
        long areaSize;
        if (area == MemoryArea.OPTION) {
            base = MemoryArea.OPTION_BYTES;
            areaSize = MemoryArea.OPTION_BYTES_SIZE;
        } else {
            ProbeSelector probe = ctx.probe();
            TargetInfo info = ctx.useCases.inspect().inspect(new InspectTargetRequest(probe, ctx.connect(probe)));
            // system memory (AN2606): 2 KB at 0x1FFF_F000 on low/medium/high density, 6 KB at 0x1FFF_E000 on XL,
            // 18 KB at 0x1FFF_B000 on connectivity line
            base = info.devId() == 0x430 ? 0x1FFF_E000L : info.devId() == 0x418 ? 0x1FFF_B000L : 0x1FFF_F000L;
            areaSize = info.devId() == 0x430 ? 6 * 1024 : info.devId() == 0x418 ? 18 * 1024 : 2 * 1024;
        }
        long length = size.orElse(0) == 0 ? areaSize : size.getAsLong();
        if (length > areaSize) {
            throw new UsageException(String.format("--area=%s holds %d bytes at %s: SIZE %d is larger", area.optionText(),
                    areaSize, hex32(base), length));
        }
        return read(file, base, length);
    }

    /** st-flash: size 0 reads from {@code address} to the end of the chip's flash (or of {@code --flash}). */
    private long toEndOfFlash(ProbeSelector probe, ConnectOptions connect, long address) {
        TargetInfo info = ctx.useCases.inspect().inspect(new InspectTargetRequest(probe, connect));
        long flashStart = info.flashBaseAddress();
        long flashEnd = flashStart + ctx.settings.flashSize().orElse(info.flashSizeBytes());
        if (address < flashStart || address >= flashEnd) {
            throw new UsageException("size 0 means 'to the end of flash', but " + hex32(address)
                    + " is not in flash [" + hex32(flashStart) + ", " + hex32(flashEnd) + "): give a size");
        }
        return flashEnd - address;
    }

    ExitCode erase(OptionalLong address, OptionalLong size, boolean allowPageRounding, Optional<Path> flashMap) {
        if (address.isPresent() != size.isPresent()) {
            throw new UsageException("erase takes no argument (mass erase) or both ADDR and SIZE, e.g. erase 0x08001000 1024");
        }
        ProbeSelector probe = ctx.probe();
        ConnectOptions connect = ctx.connect(probe);
        EraseFlashRequest request = address.isEmpty()
                ? EraseFlashRequest.mass(probe, connect, ctx.progress)
                : EraseFlashRequest.range(probe, connect, new AddressRange(address.getAsLong(), size.getAsLong()),
                        allowPageRounding || ctx.stFlashStyle, ctx.progress);
        if (ctx.settings.flashSize().isPresent()) {
            request = request.withFlashSizeBytes(ctx.settings.flashSize().getAsLong());
        }
        EraseReport r = ctx.useCases.erase().erase(request.withFlashMap(flashMap.isPresent()));
        Map<String, Object> fields = ResultPrinter.fields("probe", r.probe(), "chip", r.chip(),
                "massErase", r.massErase(), "pagesErased", r.pagesErased(), "erased", r.erased().toString());
        List<String> lines = new ArrayList<>(List.of(r.massErase()
                ? String.format("mass erased %s [%s]: all %d pages", r.probe(), r.chip(), r.pagesErased())
                : String.format("erased %d page(s) %s on %s", r.pagesErased(), r.erased(), r.probe())));
        ctx.flashMap(flashMap, r.flashMap(), fields, lines);
        ExitCode code = ctx.printer.ok("erase", fields, r.timing(), lines);
        ctx.resetIfAsked(probe, connect);
        return code;
    }
}
