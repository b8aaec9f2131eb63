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
        FlashOptions options = FlashOptions.defaults().withResetAfterWrite(ctx.settings.resetAfter())
                .withEraseMode(choices.massErase() ? EraseMode.MASS : choices.assumeBlank() ? EraseMode.NONE : EraseMode.PAGES)
                .withVerifyAfterWrite(choices.verify())
                .withSkipUnchangedPages(choices.compare());
        if (ctx.settings.flashSize().isPresent()) {
            options = options.withFlashSizeBytes(ctx.settings.flashSize().getAsLong());
        }
        WriteReport r = ctx.useCases.write().write(new WriteImageRequest(probe, ctx.connect(probe), image, options,
                ctx.progress));
        return ctx.printer.ok("write", ResultPrinter.fields(
                        "file", file.toString(), "imageBytes", image.totalBytes(), "probe", r.probe(), "chip", r.chip(),
                        "pagesErased", r.pagesErased(), "pagesProgrammed", r.pagesProgrammed(),
                        "pagesUnchanged", r.pagesSkipped(), "bytesWritten", r.bytesWritten(),
                        "massErased", r.massErased(), "verified", r.verified(), "resetAndRun", r.resetAndRun()),
                r.timing(), List.of(
                        String.format("wrote %s (%d bytes) to %s [%s]", file, image.totalBytes(), r.probe(), r.chip()),
                        String.format("pages: %d erased, %d programmed, %d unchanged%s%s%s", r.pagesErased(),
                                r.pagesProgrammed(), r.pagesSkipped(), r.massErased() ? "; mass erased" : "",
                                r.verified() ? "; verified" : "", r.resetAndRun() ? "; reset and running" : "")));
    }

    ExitCode verify(Path file, OptionalLong address) {
        FirmwareImage image = ImageFiles.load("verify", file, address, ctx.settings.format(), ctx.settings.trimErased(),
                ctx.progress::note);
        ProbeSelector probe = ctx.probe();
        VerifyReport r = ctx.useCases.verify().verify(new VerifyImageRequest(probe, ctx.connect(probe), image,
                ctx.progress));
        Map<String, Object> fields = ResultPrinter.fields("file", file.toString(), "probe", r.probe(),
                "bytesCompared", r.bytesCompared(), "mismatchCount", r.mismatchCount(),
                "firstMismatches", r.firstMismatches().stream().map(Object::toString).toList());
        if (r.matches()) {
            return ctx.printer.ok("verify", fields, r.timing(),
                    List.of(String.format("verified %s: all %d bytes match on %s", file, r.bytesCompared(), r.probe())));
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("verify FAILED: %d of %d bytes differ from %s", r.mismatchCount(), r.bytesCompared(), file));
        r.firstMismatches().forEach(m -> lines.add("  " + m));
        lines.add("  hint: write the image again (blueflash write " + file
                + address.stream().mapToObj(a -> " " + hex32(a)).findFirst().orElse("") + "), then verify");
        return ctx.printer.failed("verify", ExitCode.VERIFY_MISMATCH, fields, r.timing(), lines);
    }

    private FirmwareImage load(Path file, OptionalLong address) {
        return ImageFiles.load(file, address, ctx.settings.format(), ctx.settings.trimErased(), ctx.progress::note);
    }
}
