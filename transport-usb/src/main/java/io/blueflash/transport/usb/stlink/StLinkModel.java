package io.blueflash.transport.usb.stlink;

import java.util.Arrays;
import java.util.Optional;

/**
 * ST-Link product IDs under VID 0x0483 and their bulk endpoints (facts §D.1). V1 (0x3744,
 * SCSI-wrapped) is recognised so it can be named in an error, but not driven.
 */
public enum StLinkModel {
    V1(0x3744, "ST-Link V1", 0x02, 0x81),
    V2(0x3748, "ST-Link V2", 0x02, 0x81),
    V2_1_AUDIO(0x374A, "ST-Link V2-1 (audio)", 0x01, 0x81),
    V2_1(0x374B, "ST-Link V2-1", 0x01, 0x81),
    V2_1_NO_MSD(0x3752, "ST-Link V2-1 (no mass storage)", 0x01, 0x81),
    V2_1_NO_MSD_ALT(0x3742, "ST-Link V2-1 (no mass storage)", 0x01, 0x81),
    V3_LOADER(0x374D, "ST-Link V3 (USB loader)", 0x01, 0x81),
    V3E(0x374E, "ST-Link V3E", 0x01, 0x81),
    V3S(0x374F, "ST-Link V3", 0x01, 0x81),
    V3_2VCP(0x3753, "ST-Link V3 (2 VCP)", 0x01, 0x81),
    V3_NO_MSD(0x3754, "ST-Link V3 (no mass storage)", 0x01, 0x81),
    V3PWR_LOADER(0x3755, "ST-Link V3PWR (loader)", 0x01, 0x81),
    V3PWR(0x3757, "ST-Link V3PWR", 0x01, 0x81);

    /** STMicroelectronics' USB vendor ID. */
    public static final int VENDOR_ID = 0x0483;

    private final int productId;
    private final String displayName;
    private final int outEndpoint;
    private final int inEndpoint;

    StLinkModel(int productId, String displayName, int outEndpoint, int inEndpoint) {
        this.productId = productId;
        this.displayName = displayName;
        this.outEndpoint = outEndpoint;
        this.inEndpoint = inEndpoint;
    }

    public int productId() {
        return productId;
    }

    public String displayName() {
        return displayName;
    }

    /** Bulk OUT endpoint carrying commands and write data. */
    public int outEndpoint() {
        return outEndpoint;
    }

    /** Bulk IN endpoint carrying replies and read data. */
    public int inEndpoint() {
        return inEndpoint;
    }

    public boolean isV3() {
        return name().startsWith("V3");
    }

    public static Optional<StLinkModel> fromProductId(int productId) {
        return Arrays.stream(values()).filter(m -> m.productId == productId).findFirst();
    }
}
