package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.cli.console.ExitCode;
import io.blueflash.gdbserver.GdbServer;
import io.blueflash.gdbserver.GdbServerConfig;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.TargetInfo;
import io.blueflash.port.out.TargetConnection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gdb-server}: opens the chosen probe once (as st-util holds its ST-Link), starts the server
 * on it, says where it listens, and serves gdb sessions one after another until the process is
 * stopped; the shutdown hook ends the session, closes the probe (the simulator saves its state file).
 */
final class GdbServerCommands {

    private final CommandContext ctx;

    GdbServerCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    ExitCode serve(GdbServerChoices choices) {
        InetAddress bind = address(choices.bind());
        ProbeSelector probe = ctx.probe();
        ConnectOptions connect = ctx.connect(probe);
        GdbServerPorts ports = ctx.useCases.gdbServer();
        TargetConnection connection = ports.open().open(probe, connect);
        GdbServer server;
        try {
            server = GdbServer.start(new GdbServerConfig(bind, choices.port(), choices.semihosting(),
                    ctx.settings.verbosity() > 0), connection,
                    ports.useCases(), ctx.env.err());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                connection.close();
            } finally {
                stopped.countDown();
            }
        }, "gdb-server-shutdown"));
        TargetInfo chip = server.target();
        String where = bind.getHostAddress() + ":" + server.port();
        ctx.env.out().printf("blueflash gdb-server: listening on %s for gdb; probe %s; %s, %d KB flash in %d-byte pages%n",
                where, connection.probe().selectorText(), chip.partName(), chip.flashSizeBytes() / 1024, chip.pageSize());
        ctx.env.out().printf("  connect: gdb-multiarch FIRMWARE.elf -ex 'target extended-remote %s'; stop with Ctrl-C%n",
                (bind.isAnyLocalAddress() ? "localhost" : bind.getHostAddress()) + ":" + server.port());
        ctx.env.out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + text + ": no such address");
        }
    }
}
