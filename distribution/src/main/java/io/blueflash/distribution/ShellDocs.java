package io.blueflash.distribution;

import io.blueflash.cli.FlashToolMain;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step of the distribution archive: man page sources (AsciiDoc, one page per command and
 * subcommand, from picocli-codegen's ManPageGenerator) and bash/zsh completion scripts (picocli's
 * AutoComplete; the bash script also loads in zsh through bashcompinit), all generated from the
 * command tree the tool really runs, so they cannot drift from it.
 */
public final class ShellDocs {

    private ShellDocs() {
    }

    /** {@code ShellDocs OUTPUT_DIR}: writes {@code man/*.adoc} and {@code completion/*}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ShellDocs OUTPUT_DIR");
        }
        Path out = Path.of(args[0]);
        Path man = Files.createDirectories(out.resolve("man"));
        Path completion = Files.createDirectories(out.resolve("completion"));
        CommandLine blueflash = FlashToolMain.commandLine(false);
        CommandLine stFlash = FlashToolMain.commandLine(true);
        int rc = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], false, blueflash.getCommandSpec());
        if (rc != 0) {
            throw new IOException("ManPageGenerator failed with exit code " + rc);
        }
        write(completion.resolve("blueflash.bash"), AutoComplete.bash("blueflash", blueflash));
        write(completion.resolve("st-flash.bash"), AutoComplete.bash("st-flash", stFlash));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
