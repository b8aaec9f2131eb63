package io.blueflash.cli.conformance;

import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.sim.adapter.SimulatedProbeConnector;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads flash back from a {@code sim serve} state file through blueflash's own read path: the read
 * use case ({@link ReadMemoryService}) over the {@code --probe sim:PROFILE} connector with
 * {@code --sim-state FILE} — independent of the client that wrote the bytes and of the front end it used.
 */
final class BlueflashRead {

    private BlueflashRead() {
    }

    static byte[] flash(Path stateFile, String profile, int length) {
        ReadMemoryService read = new ReadMemoryService(List.of(new SimulatedProbeConnector()));
        ConnectOptions options = ConnectOptions.defaults()
                .withTransportOption(ConnectOptions.SIM_STATE_FILE, stateFile.toString());
        return read.read(new ReadMemoryRequest(ProbeSelector.parse("sim:" + profile), options,
                new AddressRange(TestFirmware.BASE, length), ProgressListener.NONE)).data();
    }
}
