package io.blueflash.cli.command;

import static io.blueflash.cli.args.NumberArguments.hex32;

import io.blueflash.cli.console.ExitCode;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.EraseMode;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.VerifyImageRequest;
import io.blueflash.port.in.VerifyReport;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code write} and {@code verify}: an image file against the chip's flash. */
final class ImageCommands {

    private final CommandContext ctx;

    ImageCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    ExitCode write(Path file, OptionalLong address, WriteChoices choices) {
        FirmwareImage image = load(file, address);
        ProbeSelector probe = ctx.probe();
        FlashOptions options = flashOptions(choices, ctx.settings);
        WriteReport r = ctx.useCases.write().write(new WriteImageRequest(probe, ctx.connect(probe), image, options,
                ctx.progress, choices.flashMap().isPresent()));
        Map<String, Object> fields = ResultPrinter.fields(
                "file", file.toString(), "imageBytes", image.totalBytes(), "probe", r.probe(), "chip", r.chip(),
                "pagesErased", r.pagesErased(), "pagesProgrammed", r.pagesProgrammed(),
                "pagesUnchanged", r.pagesSkipped(), "bytesWritten", r.bytesWritten(),
                "massErased", r.massErased(), "verified", r.verified(), "resetAndRun", r.resetAndRun());
        List<String> lines = new ArrayList<>(List.of(
                String.format("wrote %s (%d bytes) to %s [%s]", file, image.totalBytes(), r.probe(), r.chip()),
                String.format("pages: %d erased, %d programmed, %d unchanged%s%s%s", r.pagesErased(),
                        r.pagesProgrammed(), r.pagesSkipped(), r.massErased() ? "; mass erased" : "",
                        r.verified() ? "; verified" : "", r.resetAndRun() ? "; reset and running" : "")));
        ctx.flashMap(choices.flashMap(), r.flashMap(), fields, lines);
        return ctx.printer.ok("write", fields, r.timing(), lines);
    }

    /** The write's flash options from the user's choices and the global settings (one target or a gang). */
    static FlashOptions flashOptions(WriteChoices choices, GlobalSettings settings) {
        FlashOptions options = FlashOptions.defaults().withResetAfterWrite(settings.resetAfter())
                .withEraseMode(choices.massErase() ? EraseMode.MASS : choices.assumeBlank() ? EraseMode.NONE : EraseMode.PAGES)
                .withVerifyAfterWrite(choices.verify())
                .withSkipUnchangedPages(choices.compare())
                .withMethod(choices.method());
        if (settings.flashSize().isPresent()) {
            options = options.withFlashSizeBytes(settings.flashSize().getAsLong());
        }
        return options;
    }

    ExitCode verify(Path file, OptionalLong address, Optional<Path> flashMap) {
        FirmwareImage image = ImageFiles.load("verify", file, address, ctx.settings.format(), ctx.settings.trimErased(),
                ctx.progress::note);
        ProbeSelector probe = ctx.probe();
        VerifyReport r = ctx.useCases.verify().verify(new VerifyImageRequest(probe, ctx.connect(probe), image,
                ctx.progress, flashMap.isPresent()));
        Map<String, Object> fields = ResultPrinter.fields("file", file.toString(), "probe", r.probe(),
                "bytesCompared", r.bytesCompared(), "mismatchCount", r.mismatchCount(),
                "firstMismatches", r.firstMismatches().stream().map(Object::toString).toList());
        List<String> lines = new ArrayList<>();
        if (r.matches()) {
            lines.add(String.format("verified %s: all %d bytes match on %s", file, r.bytesCompared(), r.probe()));
            ctx.flashMap(flashMap, r.flashMap(), fields, lines);
            return ctx.printer.ok("verify", fields, r.timing(), lines);
        }
        lines.add(String.format("verify FAILED: %d of %d bytes differ from %s", r.mismatchCount(), r.bytesCompared(), file));
        r.firstMismatches().forEach(m -> lines.add("  " + m));
        lines.add("  hint: write the image again (blueflash write " + file
                + address.stream().mapToObj(a -> " " + hex32(a)).findFirst().orElse("") + "), then verify");
        ctx.flashMap(flashMap, r.flashMap(), fields, lines);
        return ctx.printer.failed("verify", ExitCode.VERIFY_MISMATCH, fields, r.timing(), lines);
    }

    private FirmwareImage load(Path file, OptionalLong address) {
        return ImageFiles.load(file, address, ctx.settings.format(), ctx.settings.trimErased(), ctx.progress::note);
    }
}
