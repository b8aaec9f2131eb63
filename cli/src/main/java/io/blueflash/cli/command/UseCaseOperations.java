package io.blueflash.cli.command;

import io.blueflash.cli.CliEnvironment;
import io.blueflash.cli.ExitCode;
import io.blueflash.cli.output.ConsoleTrace;
import io.blueflash.cli.output.IntelHexText;
import io.blueflash.cli.output.PlainProgressLines;
import io.blueflash.cli.output.ProgressEvents;
import io.blueflash.cli.output.ProgressView;
import io.blueflash.cli.output.TerminalProgressBar;
import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageFormat;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.TraceSink;
import io.blueflash.port.in.EraseFlashRequest;
import io.blueflash.port.in.EraseReport;
import io.blueflash.port.in.InspectTargetRequest;
import io.blueflash.port.in.OptionBytesChange;
import io.blueflash.port.in.OptionBytesReport;
import io.blueflash.port.in.OptionBytesRequest;
import io.blueflash.port.in.ProbeInfo;
import io.blueflash.port.in.ProbeListing;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.ReadReport;
import io.blueflash.port.in.ResetKind;
import io.blueflash.port.in.ResetReport;
import io.blueflash.port.in.ResetTargetRequest;
import io.blueflash.port.in.TargetInfo;
import io.blueflash.port.in.VerifyImageRequest;
import io.blueflash.port.in.VerifyReport;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import static io.blueflash.cli.args.NumberArguments.hex32;

/**
 * Runs each command through the core's use cases and prints the outcome: human lines on stdout,
 * or one JSON document under {@code --json}. Progress and notes go to stderr.
 */
public final class UseCaseOperations implements Operations {

    private final CliEnvironment env;
    private final UseCases useCases;
    private final GlobalSettings settings;
    private final boolean stFlashStyle;
    private final ProgressEvents progress;
    private final ResultPrinter printer;

    public UseCaseOperations(CliEnvironment env, UseCases useCases, GlobalSettings settings, boolean stFlashStyle) {
        this.env = Objects.requireNonNull(env, "'env' must not be null");
        this.useCases = Objects.requireNonNull(useCases, "'useCases' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
        this.stFlashStyle = stFlashStyle;
        ProgressView view = settings.progress()
                ? env.terminal() ? new TerminalProgressBar(env.err()) : new PlainProgressLines(env.err())
                : settings.verbosity() > 0 && !settings.json() ? ProgressView.notesOnly(new PlainProgressLines(env.err()))
                : ProgressView.NONE;
        this.progress = new ProgressEvents(view, !settings.json());
        this.printer = new ResultPrinter(env, settings.json(), progress);
    }

    @Override
    public ExitCode write(Path file, OptionalLong address) {
        FirmwareImage image = ImageFiles.load(file, address, settings.format(), settings.trimErased(), progress::note);
        ProbeSelector probe = probe();
        FlashOptions options = FlashOptions.defaults().withResetAfterWrite(settings.resetAfter());
        if (settings.flashSize().isPresent()) {
            options = options.withFlashSizeBytes(settings.flashSize().getAsLong());
        }
        WriteReport r = useCases.write().write(new WriteImageRequest(probe, connect(probe), image, options, progress));
        return printer.ok("write", ResultPrinter.fields(
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

    @Override
    public ExitCode verify(Path file, OptionalLong address) {
        FirmwareImage image = ImageFiles.load(file, address, settings.format(), settings.trimErased(), progress::note);
        ProbeSelector probe = probe();
        VerifyReport r = useCases.verify().verify(new VerifyImageRequest(probe, connect(probe), image, progress));
        Map<String, Object> fields = ResultPrinter.fields("file", file.toString(), "probe", r.probe(),
                "bytesCompared", r.bytesCompared(), "mismatchCount", r.mismatchCount(),
                "firstMismatches", r.firstMismatches().stream().map(Object::toString).toList());
        if (r.matches()) {
            return printer.ok("verify", fields, r.timing(),
                    List.of(String.format("verified %s: all %d bytes match on %s", file, r.bytesCompared(), r.probe())));
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("verify FAILED: %d of %d bytes differ from %s", r.mismatchCount(), r.bytesCompared(), file));
        r.firstMismatches().forEach(m -> lines.add("  " + m));
        lines.add("  hint: write the image again (blueflash write " + file + "), then verify");
        return printer.failed("verify", ExitCode.VERIFY_MISMATCH, fields, r.timing(), lines);
    }

    @Override
    public ExitCode read(Path file, long address, long size) {
        ProbeSelector probe = probe();
        ConnectOptions connect = connect(probe);
        long length = size;
        if (length == 0) { // st-flash: size 0 reads the whole flash
            TargetInfo info = useCases.inspect().inspect(new InspectTargetRequest(probe, connect));
            long flashEnd = 0x0800_0000L + settings.flashSize().orElse(info.flashSizeBytes());
            if (address < 0x0800_0000L || address >= flashEnd) {
                throw new UsageException("size 0 means 'to the end of flash', but " + hex32(address)
                        + " is not in flash [0x08000000, " + hex32(flashEnd) + "): give a size");
            }
            length = flashEnd - address;
        }
        ReadReport r = useCases.read().read(new ReadMemoryRequest(probe, connect, new AddressRange(address, length),
                progress));
        boolean hex = settings.format().map(ImageFormat::parse).orElse(ImageFormat.fromFileName(file.toString())
                .orElse(ImageFormat.BINARY)) == ImageFormat.IHEX;
        writeAtomically(file, hex ? IntelHexText.of(r.address(), r.data()).getBytes(StandardCharsets.US_ASCII)
                : r.data());
        return printer.ok("read", ResultPrinter.fields("file", file.toString(), "probe", r.probe(), "address", hex32(r.address()),
                        "bytes", r.data().length, "format", hex ? "ihex" : "binary"), r.timing(),
                List.of(String.format("read %d bytes at %s from %s into %s", r.data().length, hex32(r.address()),
                        r.probe(), file)));
    }

    @Override
    public ExitCode erase(OptionalLong address, OptionalLong size, boolean allowPageRounding) {
        if (address.isPresent() != size.isPresent()) {
            throw new UsageException("erase takes no argument (mass erase) or both ADDR and SIZE, e.g. erase 0x08001000 1024");
        }
        ProbeSelector probe = probe();
        ConnectOptions connect = connect(probe);
        EraseFlashRequest request = address.isEmpty()
                ? EraseFlashRequest.mass(probe, connect, progress)
                : EraseFlashRequest.range(probe, connect, new AddressRange(address.getAsLong(), size.getAsLong()),
                        allowPageRounding || stFlashStyle, progress);
        if (settings.flashSize().isPresent()) {
            request = request.withFlashSizeBytes(settings.flashSize().getAsLong());
        }
        EraseReport r = useCases.erase().erase(request);
        ExitCode code = printer.ok("erase", ResultPrinter.fields("probe", r.probe(), "chip", r.chip(), "massErase", r.massErase(),
                        "pagesErased", r.pagesErased(), "erased", r.erased().toString()), r.timing(),
                List.of(r.massErase()
                        ? String.format("mass erased %s [%s]: all %d pages", r.probe(), r.chip(), r.pagesErased())
                        : String.format("erased %d page(s) %s on %s", r.pagesErased(), r.erased(), r.probe())));
        resetIfAsked(probe, connect);
        return code;
    }

    @Override
    public ExitCode reset(boolean hard) {
        ProbeSelector probe = probe();
        ResetReport r = useCases.reset().reset(new ResetTargetRequest(probe, connect(probe),
                hard ? ResetKind.HARD : ResetKind.AUTO, false));
        return printer.ok("reset", ResultPrinter.fields("probe", r.probe(), "performed", r.performed().name(), "halted", r.halted()),
                r.timing(), List.of(String.format("reset %s (%s)%s", r.probe(), r.performed().name().toLowerCase(),
                        r.halted() ? ", core halted" : ", running")));
    }

    @Override
    public ExitCode info(Set<InfoSubcommand.Field> fields) {
        ProbeSelector probe = probe();
        TargetInfo t = useCases.inspect().inspect(new InspectTargetRequest(probe, connect(probe)));
        long flash = settings.flashSize().orElse(t.flashSizeBytes());
        String serial = ProbeSelector.parse(t.probe()).argument();
        List<String> lines = new ArrayList<>();
        if (fields.contains(InfoSubcommand.Field.PROBE)) {
            lines.add("probe:   " + t.probe() + " (" + t.probeDescription() + ")");
        }
        if (fields.contains(InfoSubcommand.Field.CHIPID)) {
            lines.add(String.format("chipid:  0x%04X (rev 0x%04X)", t.devId(), t.revId()));
        }
        if (fields.contains(InfoSubcommand.Field.FLASH)) {
            lines.add(String.format("flash:   %d (pagesize: %d)%s", flash, t.pageSize(),
                    settings.flashSize().isPresent() ? " (--flash override; chip reports " + t.flashSizeBytes() + ")" : ""));
        }
        if (fields.contains(InfoSubcommand.Field.DESCR)) {
            lines.add("descr:   " + t.description()
                    + (t.isClone() ? " (clone" + t.vendorGuess().map(v -> ": " + v).orElse("") + ")" : ""));
        }
        if (fields.contains(InfoSubcommand.Field.SERIAL)) {
            lines.add("serial:  " + serial);
        }
        t.notes().forEach(progress::note);
        return printer.ok("info", ResultPrinter.fields("probe", t.probe(),
                        "probeDescription", t.probeDescription(), "serial", serial,
                        "chipId", String.format("0x%04X", t.devId()), "revId", String.format("0x%04X", t.revId()),
                        "cpuid", hex32(Integer.toUnsignedLong(t.cpuid())), "part", t.partName(),
                        "flashBytes", flash, "pageSize", t.pageSize(), "sramBytes", t.sramBytes(),
                        "clone", t.isClone(), "vendorGuess", t.vendorGuess().orElse(""),
                        "description", t.description(), "notes", t.notes()),
                null, lines);
    }

    @Override
    public ExitCode probes() {
        ProbeListing listing = useCases.listProbes().listProbes();
        List<String> lines = new ArrayList<>();
        for (ProbeInfo p : listing.probes()) {
            lines.add(String.format("%-28s %s", p.selector(), p.description()));
        }
        if (listing.probes().stream().noneMatch(p -> !"sim".equals(p.transport()))) {
            lines.add("no probe attached. To try blueflash without a board use the simulator: --probe sim "
                    + "(e.g. blueflash --probe sim write examples/blink.bin 0x08000000)");
        }
        listing.problems().forEach(p -> lines.add("note: " + p));
        return printer.ok("probes", ResultPrinter.fields(
                "probes", listing.probes().stream().map(p -> ResultPrinter.fields("selector", p.selector(),
                        "transport", p.transport(), "description", p.description())).toList(),
                "problems", listing.problems()), null, lines);
    }

    @Override
    public ExitCode optionBytes() {
        ProbeSelector probe = probe();
        ReadReport r = useCases.read().read(new ReadMemoryRequest(probe, connect(probe),
                new AddressRange(OptionBytes.BASE, OptionBytes.SIZE), ProgressListener.NONE));
        OptionBytes ob = new OptionBytes(r.data());
        Map<String, Object> fields = ResultPrinter.fields("probe", r.probe());
        fields.putAll(ob.fields());
        return printer.ok("option-bytes", fields, r.timing(), ob.lines());
    }

    @Override
    public ExitCode changeOptionBytes(OptionBytesChange change, boolean yesEraseAllFlash, boolean yesLockChip) {
        if (change instanceof OptionBytesChange.RemoveReadProtection && !yesEraseAllFlash
                && !confirmed("Removing read protection MASS-ERASES ALL FLASH on the chip (its firmware is lost)")) {
            throw new UsageException("--unprotect mass-erases all flash: add --yes-erase-all-flash to confirm");
        }
        if (change instanceof OptionBytesChange.SetReadProtection && !yesLockChip) {
            throw new UsageException("--protect locks the chip against debuggers and the bootloader (undoing it "
                    + "erases all flash): add --yes-lock-chip to confirm");
        }
        ProbeSelector probe = probe();
        OptionBytesRequest request = new OptionBytesRequest(probe, connect(probe), change, settings.flashSize(), progress);
        OptionBytesReport r = useCases.optionBytes().change(request);
        Map<String, Object> fields = ResultPrinter.fields("probe", r.probe(), "chip", r.chip(),
                "change", OptionBytesText.name(change), "method", r.method(), "changed", r.changed(),
                "flashErased", r.flashErased(), "wrpBits", r.wrpBits(), "resetRequired", !r.inForce());
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s on %s [%s]: %s", OptionBytesText.name(change), r.probe(), r.chip(),
                r.changed() ? "written through the " + r.method() : "already so, nothing written"));
        if (r.flashErased()) {
            lines.add("the chip mass-erased its flash (facts §B.6)");
        }
        if (!r.wrpBits().isEmpty()) {
            lines.add("WRP blocks (4 KB each): " + r.wrpBits());
        }
        if (!r.stored().isEmpty()) {
            byte[] raw = new byte[r.stored().size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = r.stored().get(i).byteValue();
            }
            OptionBytes ob = new OptionBytes(raw);
            fields.put("stored", ob.fields());
            lines.add("stored option bytes now:");
            ob.lines().forEach(line -> lines.add("  " + line));
        }
        lines.add(r.inForce() ? "in force now: the bootloader reset the chip"
                : "takes effect after a reset or power cycle (blueflash reset, or unplug the board)");
        return printer.ok("option-bytes", fields, r.timing(), lines);
    }

    /** Asks on the console; false without one (scripts must pass the --yes-... option). */
    private boolean confirmed(String warning) {
        java.io.Console console = System.console();
        if (console == null || !env.terminal() || settings.json()) {
            return false;
        }
        String answer = console.readLine("%s. Type YES to go on: ", warning);
        return answer != null && answer.trim().equals("YES");
    }

    private ProbeSelector probe() {
        return ProbeChoice.select(settings, env, useCases.listProbes(), progress::note);
    }

    private ConnectOptions connect(ProbeSelector probe) {
        TraceSink trace = settings.trace() ? new ConsoleTrace(env.err()) : TraceSink.NONE;
        return ProbeChoice.connectOptions(probe, settings, env, trace);
    }

    /** {@code erase --reset}: st-flash resets after any command when asked. */
    private void resetIfAsked(ProbeSelector probe, ConnectOptions connect) {
        if (settings.resetAfter()) {
            useCases.reset().reset(new ResetTargetRequest(probe, connect, ResetKind.AUTO, false));
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        Path target = file.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
