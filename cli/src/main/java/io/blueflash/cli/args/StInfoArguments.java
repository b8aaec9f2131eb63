package io.blueflash.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * st-info's command line, turned into blueflash's (the {@code st-info} launcher passes
 * {@code --st-info} first). st-info asks its questions as options without values
 * ({@code --probe --chipid --flash --descr --serial}); three of those names are blueflash global
 * options that take a value, so they become {@code info}'s words here: {@code st-info --chipid --flash}
 * runs {@code info chipid flash}, and {@code st-info --probe} alone runs {@code probes}, which lists
 * every probe and exits 0 when there is none, as st-info does. Anything else (connect options,
 * {@code --version}) passes through unchanged; no question at all shows {@code info}'s usage.
 */
public final class StInfoArguments {

    private static final List<String> QUESTIONS = List.of("--probe", "--chipid", "--flash", "--descr", "--serial");

    private StInfoArguments() {
    }

    /** blueflash's arguments for st-info's {@code args}. */
    public static String[] translate(String[] args) {
        Objects.requireNonNull(args, "'args' must not be null");
        List<String> fields = new ArrayList<>();
        List<String> passThrough = new ArrayList<>();
        for (String arg : args) {
            if (QUESTIONS.contains(arg)) {
                String field = arg.substring(2);
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            } else {
                passThrough.add(arg);
            }
        }
        List<String> out = new ArrayList<>();
        if (passThrough.contains("--version") || passThrough.contains("--help") || passThrough.contains("-h")) {
            out.addAll(passThrough);
        } else if (fields.isEmpty()) {
            out.add("info");
            out.add("--help");
        } else if (fields.equals(List.of("probe"))) {
            out.add("probes");
            out.addAll(passThrough);
        } else {
            out.add("info");
            out.addAll(fields);
            out.addAll(passThrough);
        }
        return out.toArray(String[]::new);
    }
}
