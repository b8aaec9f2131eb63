package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.cli.console.ExitCode;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.OptionBytesChange;
import io.blueflash.port.in.OptionBytesReadRequest;
import io.blueflash.port.in.OptionBytesReading;
import io.blueflash.port.in.OptionBytesReport;
import io.blueflash.port.in.OptionBytesRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code option-bytes}: read them, or change RDP / WRP after the confirmations that need one. */
final class OptionBytesCommands {

    private final CommandContext ctx;

    OptionBytesCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    ExitCode read() {
        ProbeSelector probe = ctx.probe();
        OptionBytesReading r = ctx.useCases.optionBytes().read(new OptionBytesReadRequest(probe, ctx.connect(probe)));
        Map<String, Object> fields = ResultPrinter.fields("probe", r.probe());
        fields.putAll(OptionBytesText.fields(r.state()));
        return ctx.printer.ok("option-bytes", fields, r.timing(), OptionBytesText.lines(r.state()));
    }

    ExitCode change(OptionBytesChange change, boolean yesEraseAllFlash, boolean yesLockChip) {
        if (change instanceof OptionBytesChange.RemoveReadProtection && !yesEraseAllFlash
                && !ctx.confirmed("Removing read protection MASS-ERASES ALL FLASH on the chip (its firmware is lost)")) {
            throw new UsageException("--unprotect mass-erases all flash: add --yes-erase-all-flash to confirm");
        }
        if (change instanceof OptionBytesChange.SetReadProtection && !yesLockChip) {
            throw new UsageException("--protect locks the chip against debuggers and the bootloader (undoing it "
                    + "erases all flash): add --yes-lock-chip to confirm");
        }
        ProbeSelector probe = ctx.probe();
        OptionBytesReport r = ctx.useCases.optionBytes().change(new OptionBytesRequest(probe, ctx.connect(probe), change,
                ctx.settings.flashSize(), ctx.progress));
        Map<String, Object> fields = ResultPrinter.fields("probe", r.probe(), "chip", r.chip(),
                "change", OptionBytesText.name(change), "method", r.method(), "changed", r.changed(),
                "flashErased", r.flashErased(), "wrpBits", r.wrpBits(), "resetRequired", !r.inForce());
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s on %s [%s]: %s", OptionBytesText.name(change), r.probe(), r.chip(),
                r.changed() ? "written through the " + r.method() : "already so, nothing written"));
        if (r.flashErased()) {
            lines.add("the chip mass-erased its flash (PM0075 §2.4.1)");
        }
        if (!r.wrpBits().isEmpty()) {
            lines.add("WRP blocks (4 KB each): " + r.wrpBits());
        }
        r.stored().ifPresent(state -> {
            fields.put("stored", OptionBytesText.fields(state));
            lines.add("stored option bytes now:");
            OptionBytesText.lines(state).forEach(line -> lines.add("  " + line));
        });
        lines.add(r.inForce() ? "in force now: the bootloader reset the chip"
                : "takes effect after a reset or power cycle (blueflash reset, or unplug the board)");
        return ctx.printer.ok("option-bytes", fields, r.timing(), lines);
    }
}
