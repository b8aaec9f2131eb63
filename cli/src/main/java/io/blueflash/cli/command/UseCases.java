package io.blueflash.cli.command;

import io.blueflash.port.in.EraseFlashUseCase;
import io.blueflash.port.in.GangWriteUseCase;
import io.blueflash.port.in.InspectTargetUseCase;
import io.blueflash.port.in.ListProbesUseCase;
import io.blueflash.port.in.OptionBytesUseCase;
import io.blueflash.port.in.ReadMemoryUseCase;
import io.blueflash.port.in.ResetTargetUseCase;
import io.blueflash.port.in.VerifyImageUseCase;
import io.blueflash.port.in.WriteImageUseCase;

import java.util.Objects;

/** The driving ports the CLI calls; built once by the composition root ({@code FlashToolMain}). */
public record UseCases(WriteImageUseCase write, ReadMemoryUseCase read, EraseFlashUseCase erase,
                       VerifyImageUseCase verify, ResetTargetUseCase reset, InspectTargetUseCase inspect,
                       ListProbesUseCase listProbes, OptionBytesUseCase optionBytes, GangWriteUseCase gang,
                       GdbServerPorts gdbServer) {

    public UseCases {
        Objects.requireNonNull(write, "'write' must not be null");
        Objects.requireNonNull(read, "'read' must not be null");
        Objects.requireNonNull(erase, "'erase' must not be null");
        Objects.requireNonNull(verify, "'verify' must not be null");
        Objects.requireNonNull(reset, "'reset' must not be null");
        Objects.requireNonNull(inspect, "'inspect' must not be null");
        Objects.requireNonNull(listProbes, "'listProbes' must not be null");
        Objects.requireNonNull(optionBytes, "'optionBytes' must not be null");
        Objects.requireNonNull(gang, "'gang' must not be null");
        Objects.requireNonNull(gdbServer, "'gdbServer' must not be null");
    }
}
