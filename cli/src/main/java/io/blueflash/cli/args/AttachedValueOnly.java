package io.blueflash.cli.args;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;
import java.util.Stack;

/**
 * For an option whose value is optional and must be attached ({@code --trace=ops}): given alone
 * ({@code --trace}) it takes its fallback value and never swallows the next argument, so
 * {@code write --trace fw.bin 0x08000000} keeps {@code fw.bin} as the file to write.
 */
public final class AttachedValueOnly implements IParameterPreprocessor {

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
        if ("=".equals(info.get("separator"))) {
            return false;                                            // --trace=VALUE: picocli takes the attached value
        }
        argSpec.setValue(((OptionSpec) argSpec).fallbackValue());
        return true;
    }
}
