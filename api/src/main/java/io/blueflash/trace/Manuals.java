package io.blueflash.trace;

/** The manual sections the operations of a flash session cite, named once. */
final class Manuals {

    static final ManualReference SWD_LINE_RESET = new ManualReference("ADIv5.2 (IHI 0031)", "B4.3.3",
            "Connection and line reset sequence");
    static final ManualReference DP_CTRL_STAT = new ManualReference("ADIv5.2 (IHI 0031)", "B2.2.2",
            "CTRL/STAT, Control/Status register");
    static final ManualReference DHCSR = new ManualReference("DDI0403E", "C1.6.2",
            "Debug Halting Control and Status Register, DHCSR");
    static final ManualReference DEMCR = new ManualReference("DDI0403E", "C1.6.5",
            "Debug Exception and Monitor Control Register, DEMCR");
    static final ManualReference AIRCR = new ManualReference("DDI0403E", "B3.2.6",
            "Application Interrupt and Reset Control Register, AIRCR");
    static final ManualReference IDCODE = new ManualReference("RM0008", "31.6.1", "MCU device ID code (DBGMCU_IDCODE)");
    static final ManualReference MEM_AP = new ManualReference("ADIv5.2 (IHI 0031)", "C2.2",
            "MEM-AP: TAR and DRW, address auto-increment");
    static final ManualReference READ_PROTECTION = new ManualReference("PM0075", "2.4.1", "Read protection");
    static final ManualReference UNLOCK = new ManualReference("PM0075", "2.3.1", "Unlocking the Flash memory");
    static final ManualReference PROGRAM = new ManualReference("PM0075", "2.3.2", "Main Flash memory programming");
    static final ManualReference ERASE = new ManualReference("PM0075", "2.3.3", "Flash memory erase");

    private Manuals() {
    }
}
