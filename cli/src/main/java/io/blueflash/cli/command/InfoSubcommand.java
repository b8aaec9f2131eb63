package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code info [FIELD...]}: st-info's questions. st-info spells them as options
 * ({@code --probe --chipid --flash --descr --serial}); three of those names are blueflash's global
 * options, so here they are words ({@code info chipid flash}); {@code --chipid} and {@code --descr}
 * are accepted as well.
 */
@Command(name = "info", description = "Describe the target as st-info does. FIELD: probe, chipid, flash, descr, serial "
        + "(default: all).")
public final class InfoSubcommand implements Callable<Integer> {

    /** The st-info fields. */
    public enum Field { PROBE, CHIPID, FLASH, DESCR, SERIAL }

    private final Supplier<Operations> operations;

    @Parameters(arity = "0..*", paramLabel = "FIELD", description = "probe | chipid | flash | descr | serial")
    List<String> fieldNames = new ArrayList<>();

    @Option(names = "--chipid", description = "same as the word chipid")
    boolean chipId;

    @Option(names = "--descr", description = "same as the word descr")
    boolean descr;

    public InfoSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (String name : fieldNames) {
            try {
                fields.add(Field.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) { // valueOf: not a field name
                throw new UsageException("unknown info field '" + name
                        + "': use probe, chipid, flash, descr or serial");
            }
        }
        if (chipId) {
            fields.add(Field.CHIPID);
        }
        if (descr) {
            fields.add(Field.DESCR);
        }
        return operations.get().info(fields.isEmpty() ? EnumSet.allOf(Field.class) : fields).code();
    }
}
