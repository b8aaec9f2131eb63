package io.blueflash.cli.command;

import io.blueflash.cli.console.ExitCode;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.InspectTargetRequest;
import io.blueflash.port.in.ProbeInfo;
import io.blueflash.port.in.ProbeListing;
import io.blueflash.port.in.ResetKind;
import io.blueflash.port.in.ResetReport;
import io.blueflash.port.in.ResetTargetRequest;
import io.blueflash.port.in.TargetInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.blueflash.cli.args.NumberArguments.hex32;

/** {@code reset}, {@code info} (what st-info prints) and {@code probes}. */
final class TargetCommands {

    private final CommandContext ctx;

    TargetCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    ExitCode reset(boolean hard) {
        ProbeSelector probe = ctx.probe();
        // blueflash: a system reset unless --hard; st-flash's reset pulses NRST when it can, as st-flash does
        ResetReport r = ctx.useCases.reset().reset(new ResetTargetRequest(probe, ctx.connect(probe),
                hard ? ResetKind.HARD : ctx.stFlashStyle ? ResetKind.AUTO : ResetKind.SOFT, false));
        return ctx.printer.ok("reset", ResultPrinter.fields("probe", r.probe(), "performed", r.performed().name(),
                        "halted", r.halted()),
                r.timing(), List.of(String.format("reset %s (%s)%s", r.probe(), r.performed() == ResetKind.HARD
                                ? "hard: NRST pulsed" : "soft: AIRCR.SYSRESETREQ",
                        r.halted() ? ", core halted" : ", running")));
    }

    ExitCode info(Set<InfoSubcommand.Field> fields) {
        ProbeSelector probe = ctx.probe();
        TargetInfo t = ctx.useCases.inspect().inspect(new InspectTargetRequest(probe, ctx.connect(probe)));
        long flash = ctx.settings.flashSize().orElse(t.flashSizeBytes());
        String serial = ProbeSelector.parse(t.probe()).argument();
        List<String> lines = new ArrayList<>();
        if (fields.contains(InfoSubcommand.Field.PROBE)) {
            lines.add("probe:   " + t.probe() + " (" + t.probeDescription() + ")");
        }
        if (fields.contains(InfoSubcommand.Field.CHIPID)) {
            lines.add(String.format("chipid:  0x%04X (rev 0x%04X)", t.devId(), t.revId()));
        }
        if (fields.contains(InfoSubcommand.Field.FLASH)) {
            lines.add(String.format("flash:   %d (pagesize: %d)%s", flash, t.pageSize(), ctx.settings.flashSize().isPresent()
                    ? " (--flash override; chip reports " + t.flashSizeBytes() + ")" : ""));
        }
        if (fields.contains(InfoSubcommand.Field.DESCR)) {
            lines.add("descr:   " + t.description()
                    + (t.isClone() ? " (clone" + t.vendorGuess().map(v -> ": " + v).orElse("") + ")" : ""));
        }
        if (fields.contains(InfoSubcommand.Field.SERIAL)) {
            lines.add("serial:  " + serial);
        }
        t.notes().forEach(ctx.progress::note);
        return ctx.printer.ok("info", ResultPrinter.fields("probe", t.probe(),
                        "probeDescription", t.probeDescription(), "serial", serial,
                        "chipId", String.format("0x%04X", t.devId()), "revId", String.format("0x%04X", t.revId()),
                        "cpuid", hex32(Integer.toUnsignedLong(t.cpuid())), "part", t.partName(),
                        "flashBytes", flash, "pageSize", t.pageSize(), "sramBytes", t.sramBytes(),
                        "clone", t.isClone(), "vendorGuess", t.vendorGuess().orElse(""),
                        "description", t.description(), "notes", t.notes()),
                null, lines);
    }

    /** st-info's answers: a hex number or a line per question, the summary for {@code --probe}. */
    ExitCode stInfo(List<StInfoCommand.Question> questions) {
        ProbeSelector probe = ctx.probe();
        TargetInfo t = ctx.useCases.inspect().inspect(new InspectTargetRequest(probe, ctx.connect(probe)));
        for (StInfoCommand.Question question : questions) {
            stInfoAnswer(question, t).forEach(ctx.env.out()::println);
        }
        return ExitCode.OK;
    }

    private static List<String> stInfoAnswer(StInfoCommand.Question question, TargetInfo t) {
        String serial = ProbeSelector.parse(t.probe()).argument();
        return switch (question) {
            case PROBE -> List.of("Found 1 probe: " + t.probe() + " (" + t.probeDescription() + ")",
                    "  serial:     " + serial,
                    String.format("  flash:      %d (pagesize: %d)", t.flashSizeBytes(), t.pageSize()),
                    "  sram:       " + t.sramBytes(),
                    String.format("  chipid:     0x%03x", t.devId()),
                    "  descr:      " + t.description());
            case SERIAL -> List.of(serial);
            case FLASH -> List.of(String.format("0x%x", t.flashSizeBytes()));
            case PAGESIZE -> List.of(String.format("0x%x", t.pageSize()));
            case SRAM -> List.of(String.format("0x%x", t.sramBytes()));
            case CHIPID -> List.of(String.format("0x%03x", t.devId()));
            case DESCR -> List.of(t.description());
        };
    }

    ExitCode probes() {
        ProbeListing listing = ctx.useCases.listProbes().listProbes();
        List<String> lines = new ArrayList<>();
        for (ProbeInfo p : listing.probes()) {
            lines.add(String.format("%-28s %s", p.selector(), p.description()));
        }
        if (listing.probes().stream().noneMatch(p -> !"sim".equals(p.transport()))) {
            lines.add("no probe attached. To try blueflash without a board use the simulator: --probe sim "
                    + "(e.g. blueflash --probe sim write examples/blink.bin 0x08000000)");
        }
        listing.problems().forEach(p -> lines.add("note: " + p));
        return ctx.printer.ok("probes", ResultPrinter.fields(
                "probes", listing.probes().stream().map(p -> ResultPrinter.fields("selector", p.selector(),
                        "transport", p.transport(), "description", p.description())).toList(),
                "problems", listing.problems()), null, lines);
    }
}
