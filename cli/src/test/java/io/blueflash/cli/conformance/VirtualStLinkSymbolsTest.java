package io.blueflash.cli.conformance;

import io.blueflash.bench.ExternalTools;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The virtual ST-Link replaces libusb only where it defines a function: a libusb call it does not
 * define would reach the real libusb with the virtual library's pointers. These tests keep it complete
 * for what its two users call, read from the binaries themselves, so that a new usb4java or
 * stlink-tools release that calls more fails here, by name, instead of crashing a flow.
 */
@Tag("conformance")
class VirtualStLinkSymbolsTest {

    private static final String USB4JAVA_NATIVE = "/org/usb4java/linux-x86-64/libusb4java.so";
    private static final String CHANNEL = "io.blueflash.transport.usb.libusb.LibUsbStLinkChannel";

    @TempDir
    Path dir;

    @Test
    void givenStlinkTools_whenItsLibusbImportsAreListed_thenTheVirtualStLinkDefinesEveryOne() throws Exception {
        ExternalClient.assumeInstalled("st-flash", "stlink-tools");
        ExternalClient.Run ldd = ExternalClient.run(dir, ExternalClient.DEFAULT_TIMEOUT, List.of("ldd",
                "/usr/bin/st-flash"));
        String libstlink = ldd.output().lines().filter(l -> l.contains("libstlink")).map(l -> l.split("=>")[1].trim()
                .split(" ")[0]).findFirst().orElseThrow(() -> new AssertionError("st-flash without libstlink: " + ldd.output()));
        Set<String> imported = libusbSymbols(List.of("nm", "-D", "--undefined-only", libstlink, "/usr/bin/st-flash",
                "/usr/bin/st-info"));

        assertThat(imported).as("libusb functions stlink-tools imports").contains("libusb_bulk_transfer");
        assertThat(defined()).containsAll(imported);
    }

    /**
     * usb4java's JNI library links libusb statically but calls it through its exported symbols, so what
     * matters is what the JNI functions behind {@code LibUsbStLinkChannel}'s calls reach: found by
     * following its calls into {@code org.usb4java.LibUsb} (through the Java helpers such as
     * getStringDescriptor, down to the native methods) and disassembling those JNI functions.
     */
    @Test
    void givenLibUsbStLinkChannel_whenTheLibusbFunctionsItsUsb4javaCallsReachAreListed_thenAllAreDefined()
            throws Exception {
        assertThat(ExternalTools.installed("objdump")).as("objdump (binutils, installed with gcc)").isTrue();
        Set<String> natives = nativeLibUsbMethods();
        Path so = dir.resolve("libusb4java.so");
        try (InputStream in = Class.forName("org.usb4java.LibUsb").getResourceAsStream(USB4JAVA_NATIVE)) {
            assertThat(in).as(USB4JAVA_NATIVE + " in usb4java's jar").isNotNull();
            Files.copy(in, so);
        }
        ExternalClient.Run objdump = ExternalClient.run(dir, ExternalClient.DEFAULT_TIMEOUT,
                List.of("objdump", "-d", "--no-show-raw-insn", so.toString()));
        assertThat(objdump.succeeded()).as(objdump.commandLine()).isTrue();
        Set<String> reached = new TreeSet<>();
        for (String method : natives) {
            reached.addAll(pltCalls(objdump.output(), "Java_org_usb4java_LibUsb_" + method));
        }

        assertThat(natives).as("native LibUsb methods the channel reaches").contains("bulkTransfer", "controlTransfer");
        assertThat(reached).as("libusb functions they call").contains("libusb_bulk_transfer", "libusb_open");
        assertThat(defined()).containsAll(reached);
    }

    /** The native methods of usb4java's LibUsb that LibUsbStLinkChannel calls, directly or through LibUsb's Java code. */
    private static Set<String> nativeLibUsbMethods() throws ClassNotFoundException {
        JavaClass channel = new ClassFileImporter().importClass(Class.forName(CHANNEL));
        JavaClass libUsb = new ClassFileImporter().importClass(Class.forName("org.usb4java.LibUsb"));
        Set<String> natives = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        for (JavaMethodCall call : channel.getMethodCallsFromSelf()) {
            if (call.getTargetOwner().getName().equals("org.usb4java.LibUsb")) {
                toVisit.add(call.getName());
            }
        }
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (!seen.add(name)) {
                continue;
            }
            for (JavaMethod method : libUsb.getMethods()) {
                if (!method.getName().equals(name)) {
                    continue;
                }
                if (method.getModifiers().contains(JavaModifier.NATIVE)) {
                    natives.add(name);
                }
                method.getMethodCallsFromSelf().stream()
                        .filter(c -> c.getTargetOwner().getName().equals("org.usb4java.LibUsb"))
                        .forEach(c -> toVisit.add(c.getName()));
            }
        }
        return natives;
    }

    /** The libusb_* functions a function of the disassembly calls or jumps to through the PLT. */
    private static Set<String> pltCalls(String disassembly, String function) {
        Matcher body = Pattern.compile("<" + Pattern.quote(function) + "(@@Base)?>:\\n(.*?)\\n\\n", Pattern.DOTALL)
                .matcher(disassembly);
        assertThat(body.find()).as("JNI function " + function + " in libusb4java.so").isTrue();
        Matcher call = Pattern.compile("(?:call|jmp)\\s+\\S+\\s+<(libusb_\\w+)@plt>").matcher(body.group(2));
        Set<String> called = new TreeSet<>();
        while (call.find()) {
            called.add(call.group(1));
        }
        return called;
    }

    private Set<String> defined() throws Exception {
        return libusbSymbols(List.of("nm", "-D", "--defined-only", VirtualStLink.library().toString()));
    }

    private Set<String> libusbSymbols(List<String> nm) throws Exception {
        ExternalClient.Run run = ExternalClient.run(dir, ExternalClient.DEFAULT_TIMEOUT, nm);
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        return run.output().lines().map(l -> l.trim().replaceAll(".*\\s", "")).filter(n -> n.startsWith("libusb_"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
