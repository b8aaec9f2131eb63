package io.blueflash.transport.usb.libusb;

import io.blueflash.port.out.ProbeBusyException;
import io.blueflash.port.out.ProbeLinkException;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.transport.usb.stlink.StLinkChannel;
import io.blueflash.transport.usb.stlink.StLinkDeviceInfo;
import io.blueflash.transport.usb.stlink.StLinkModel;
import io.blueflash.transport.usb.stlink.StLinkSerials;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.LibUsb;

/**
 * The only class that talks to usb4java (architecture §6.5 rule 6): it enumerates VID 0x0483 with
 * the ST-Link product IDs of facts §D.1, opens one, detaches a kernel driver, selects
 * configuration 1, claims interface 0, and moves bulk transfers with stlink's 3-second timeout.
 * Every libusb failure becomes a {@link TargetCommunicationException} that says what to do.
 */
public final class LibUsbStLinkChannel implements StLinkChannel {

    /** Per bulk transfer, as stlink uses (facts §D.1). */
    static final long TIMEOUT_MS = 3000;
    private static final int INTERFACE = 0;
    private static final int CONFIGURATION = 1;
    private static final short LANGID_EN_US = 0x0409;

    /** What fixes LIBUSB_ERROR_ACCESS on Linux: the udev rule shipped with blueflash. */
    static final String NO_PERMISSION = "no permission: install the udev rule 49-stlink.rules"
            + " (sudo cp transport-usb/src/main/resources/udev/49-stlink.rules /etc/udev/rules.d/, see docs/stlink.md)"
            + " and replug the probe";

    private static Context context;

    private final DeviceHandle handle;
    private final StLinkModel model;
    private final String serial;
    private boolean closed;

    private LibUsbStLinkChannel(DeviceHandle handle, StLinkModel model, String serial) {
        this.handle = handle;
        this.model = model;
        this.serial = serial;
    }

    /**
     * Initialises libusb once. A missing native library is an error that names what to install;
     * a libusb that starts but sees no USB subsystem (containers, CI) yields {@code null}: no probes.
     */
    private static synchronized Context context() {
        if (context == null) {
            Context fresh = new Context();
            int result;
            try {
                result = LibUsb.init(fresh);
            } catch (LinkageError | RuntimeException e) {
                throw libusbUnavailable(e);
            }
            if (result != LibUsb.SUCCESS) {
                return null;
            }
            context = fresh;
        }
        return context;
    }

    /**
     * The error for usb4java's native library that cannot be loaded (UnsatisfiedLinkError, usb4java
     * LoaderException). Its libusb4java is linked statically with libusb, so installing libusb never
     * helps: either no build exists for this OS/architecture, or the library could not be unpacked
     * into {@code java.io.tmpdir} and loaded from there.
     */
    static TargetCommunicationException libusbUnavailable(Throwable cause) {
        String platform = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        return new TargetCommunicationException("usb4java's native library (libusb built in) could not be loaded on "
                + platform + " (" + cause + "). It exists for Linux x86, x86-64, ARM and AArch64, macOS x86-64 and"
                + " AArch64, Windows x86, x86-64 and AArch64; installing libusb does not change this. On another"
                + " platform run blueflash on a Java of a listed architecture. On a listed one, the library is"
                + " unpacked into java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + "), which must be"
                + " writable and not mounted noexec (choose another with BLUEFLASH_JAVA_OPTS=-Djava.io.tmpdir=DIR)."
                + " Without an ST-Link, use --probe sim.", cause);
    }

    /** ST-Links on the bus; empty when there are none or the machine has no USB. */
    public static List<StLinkDeviceInfo> enumerate() {
        List<StLinkDeviceInfo> found = new ArrayList<>();
        Context ctx = context();
        if (ctx == null) {
            return found;
        }
        DeviceList list = new DeviceList();
        if (LibUsb.getDeviceList(ctx, list) < 0) {
            return found;
        }
        try {
            for (Device device : list) {
                DeviceDescriptor descriptor = new DeviceDescriptor();
                if (LibUsb.getDeviceDescriptor(device, descriptor) != LibUsb.SUCCESS
                        || (descriptor.idVendor() & 0xFFFF) != StLinkModel.VENDOR_ID) {
                    continue;
                }
                int pid = descriptor.idProduct() & 0xFFFF;
                if (StLinkModel.fromProductId(pid).isEmpty()) {
                    continue;
                }
                found.add(new StLinkDeviceInfo(readSerial(device, descriptor), pid, location(device)));
            }
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
        return found;
    }

    /** Opens the probe at {@code info}'s location (re-enumerating, since USB devices come and go). */
    public static LibUsbStLinkChannel open(StLinkDeviceInfo info) {
        Context ctx = context();
        if (ctx == null) {
            throw new TargetCommunicationException("libusb sees no USB subsystem on this machine; use --probe sim");
        }
        DeviceList list = new DeviceList();
        check(LibUsb.getDeviceList(ctx, list), "list USB devices");
        try {
            for (Device device : list) {
                DeviceDescriptor descriptor = new DeviceDescriptor();
                if (LibUsb.getDeviceDescriptor(device, descriptor) != LibUsb.SUCCESS
                        || (descriptor.idVendor() & 0xFFFF) != StLinkModel.VENDOR_ID
                        || (descriptor.idProduct() & 0xFFFF) != info.productId()
                        || !location(device).equals(info.location())) {
                    continue;
                }
                return claim(device, info);
            }
        } finally {
            LibUsb.freeDeviceList(list, true);
        }
        throw new TargetCommunicationException("ST-Link " + info.serial() + " at " + info.location()
                + " is no longer attached");
    }

    private static LibUsbStLinkChannel claim(Device device, StLinkDeviceInfo info) {
        DeviceHandle handle = new DeviceHandle();
        int result = LibUsb.open(device, handle);
        if (result != LibUsb.SUCCESS) {
            throw new ProbeLinkException("cannot open " + describe(info) + ": " + LibUsb.errorName(result)
                    + (result == LibUsb.ERROR_ACCESS ? " (" + NO_PERMISSION + ")" : ""));
        }
        try {
            if (LibUsb.kernelDriverActive(handle, INTERFACE) == 1) {
                check(LibUsb.detachKernelDriver(handle, INTERFACE), "detach the kernel driver");
            }
            IntBuffer configuration = IntBuffer.allocate(1);
            if (LibUsb.getConfiguration(handle, configuration) == LibUsb.SUCCESS
                    && configuration.get(0) != CONFIGURATION) {
                check(LibUsb.setConfiguration(handle, CONFIGURATION), "select configuration 1");
            }
            int claimed = LibUsb.claimInterface(handle, INTERFACE);
            if (claimed == LibUsb.ERROR_BUSY) {
                throw new ProbeBusyException(describe(info)
                        + " is in use by another program (st-util, OpenOCD, an IDE); close it and retry", null);
            }
            check(claimed, "claim interface 0");
            StLinkModel model = StLinkModel.fromProductId(info.productId()).orElseThrow();
            return new LibUsbStLinkChannel(handle, model, info.serial());
        } catch (RuntimeException e) {
            LibUsb.close(handle);
            throw e;
        }
    }

    /** "ST-Link 0670FF... at bus 1 port 3", or without the serial when it could not be read. */
    private static String describe(StLinkDeviceInfo info) {
        return "ST-Link " + (info.serial().isEmpty() ? "" : info.serial() + " ") + "at " + info.location();
    }

    private static String readSerial(Device device, DeviceDescriptor descriptor) {
        if (descriptor.iSerialNumber() == 0) {
            return "";
        }
        DeviceHandle handle = new DeviceHandle();
        if (LibUsb.open(device, handle) != LibUsb.SUCCESS) {
            return "";
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocateDirect(255);
            int length = LibUsb.getStringDescriptor(handle, descriptor.iSerialNumber(), LANGID_EN_US, buffer);
            if (length < 2) {
                return "";
            }
            byte[] raw = new byte[length];
            buffer.get(raw);
            return StLinkSerials.fromStringDescriptor(raw);
        } finally {
            LibUsb.close(handle);
        }
    }

    private static String location(Device device) {
        return "bus " + LibUsb.getBusNumber(device) + " port " + LibUsb.getPortNumber(device);
    }

    @Override
    public byte[] transfer(byte[] command16, byte[] dataOut, int replyLength) {
        if (closed) {
            throw new IllegalStateException("channel closed");
        }
        bulkOut(command16);
        if (dataOut != null && dataOut.length > 0) {
            bulkOut(dataOut);
        }
        byte[] reply = new byte[replyLength];
        int received = 0;
        while (received < replyLength) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(replyLength - received);
            IntBuffer transferred = IntBuffer.allocate(1);
            check(LibUsb.bulkTransfer(handle, (byte) model.inEndpoint(), buffer, transferred, TIMEOUT_MS),
                    "read the reply");
            int n = transferred.get(0);
            if (n == 0) {
                throw new TargetCommunicationException("ST-Link " + serial + " sent an empty reply");
            }
            buffer.get(reply, received, n);
            received += n;
        }
        return reply;
    }

    private void bulkOut(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
        buffer.put(bytes).rewind();
        IntBuffer transferred = IntBuffer.allocate(1);
        check(LibUsb.bulkTransfer(handle, (byte) model.outEndpoint(), buffer, transferred, TIMEOUT_MS), "send a command");
        if (transferred.get(0) != bytes.length) {
            throw new TargetCommunicationException("ST-Link " + serial + " accepted " + transferred.get(0)
                    + " of " + bytes.length + " bytes");
        }
    }

    private static void check(int result, String what) {
        if (result >= LibUsb.SUCCESS) {
            return;
        }
        String hint = switch (result) {
            case LibUsb.ERROR_TIMEOUT -> ": the ST-Link did not answer within " + TIMEOUT_MS + " ms; replug it and"
                    + " rerun the command";
            case LibUsb.ERROR_NO_DEVICE -> ": the ST-Link was unplugged or reset; plug it in again and rerun the"
                    + " command (flash pages it had not reached are unchanged)";
            case LibUsb.ERROR_ACCESS -> ": " + NO_PERMISSION;
            case LibUsb.ERROR_PIPE -> ": the endpoint stalled (unsupported command for this firmware?)";
            default -> "";
        };
        throw new ProbeLinkException("USB: cannot " + what + " (" + LibUsb.errorName(result) + ")" + hint);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            LibUsb.releaseInterface(handle, INTERFACE);
        } finally {
            LibUsb.close(handle);
        }
    }
}
