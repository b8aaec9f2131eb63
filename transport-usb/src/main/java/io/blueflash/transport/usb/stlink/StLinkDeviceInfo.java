package io.blueflash.transport.usb.stlink;

import java.util.Objects;

/**
 * One ST-Link seen on the bus, before it is opened.
 *
 * @param serial    serial number as text (binary clone serials hex-encoded, see {@link StLinkSerials})
 * @param productId USB product ID (facts §D.1)
 * @param location  where it sits ("bus 1 port 3"), for messages; may be empty
 */
public record StLinkDeviceInfo(String serial, int productId, String location) {

    public StLinkDeviceInfo {
        Objects.requireNonNull(serial, "'serial' must not be null");
        Objects.requireNonNull(location, "'location' must not be null");
    }

    /** "ST-Link V2" etc., or the raw PID when it is not in the table. */
    public String modelName() {
        return StLinkModel.fromProductId(productId).map(StLinkModel::displayName)
                .orElse(String.format("ST-Link (PID 0x%04X)", productId));
    }
}
