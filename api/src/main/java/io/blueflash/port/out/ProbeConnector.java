package io.blueflash.port.out;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import java.util.List;

/**
 * One transport's way to find and open probes (ST-Link over USB, AN3155 bootloader, Black Magic
 * Probe, simulator). Registered through {@code META-INF/services/io.blueflash.port.out.ProbeConnector}
 * so a new transport is a new jar, not an edit of the core.
 */
public interface ProbeConnector {

    /** The name used in {@code --probe NAME[:ARG]}: "stlink", "bootloader", "bmp", "sim". */
    String transportName();

    /**
     * Probes this transport can see now. Never throws because nothing is attached: an empty list
     * says so. Throws {@link TargetCommunicationException} when the backend itself is unusable
     * (libusb missing), with a message that says what to install.
     */
    List<ProbeDescriptor> listProbes();

    /**
     * Opens the probe named by {@code selector} (whose {@link ProbeSelector#transport()} equals
     * {@link #transportName()}) and attaches to its target.
     *
     * @throws ProbeNotFoundException when no such probe exists
     * @throws TargetCommunicationException when the probe opens but the target does not answer
     */
    TargetConnection connect(ProbeSelector selector, ConnectOptions options);
}
