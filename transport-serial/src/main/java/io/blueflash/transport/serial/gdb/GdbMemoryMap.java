package io.blueflash.transport.serial.gdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The target memory map a GDB server publishes with {@code qXfer:memory-map:read} (facts §F.3).
 * GDB only uses vFlash packets inside its flash regions, erasing whole blocks ({@code blocksize});
 * this class checks that the core's page geometry fits them before anything is erased.
 *
 * @param regions regions sorted by start address
 */
public record GdbMemoryMap(List<Region> regions) {

    /** One {@code <memory>} element; {@code blockSize} is 0 for RAM and ROM. */
    public record Region(String type, long start, long length, long blockSize) {
        public Region {
            Objects.requireNonNull(type, "'type' must not be null");
        }

        public long end() {
            return start + length;
        }

        public boolean isFlash() {
            return type.equals("flash");
        }

        public boolean contains(long address, long size) {
            return address >= start && size >= 0 && address + size <= end();
        }
    }

    public GdbMemoryMap {
        regions = regions.stream().sorted(Comparator.comparingLong(Region::start)).toList();
    }

    public static GdbMemoryMap parse(String xml) {
        Document document = GdbXml.parse(xml, "memory map");
        NodeList memories = document.getElementsByTagName("memory");
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < memories.getLength(); i++) {
            Element memory = (Element) memories.item(i);
            String type = memory.getAttribute("type");
            long start = GdbXml.number(memory.getAttribute("start"), "memory start");
            long length = GdbXml.number(memory.getAttribute("length"), "memory length");
            long blockSize = 0;
            NodeList properties = memory.getElementsByTagName("property");
            for (int p = 0; p < properties.getLength(); p++) {
                Element property = (Element) properties.item(p);
                if (property.getAttribute("name").equals("blocksize")) {
                    blockSize = GdbXml.number(property.getTextContent(), "flash blocksize");
                }
            }
            if (type.equals("flash") && blockSize <= 0) {
                throw new RspProtocolException(String.format(
                        "the probe's memory map gives flash at 0x%08X no blocksize", start));
            }
            regions.add(new Region(type, start, length, blockSize));
        }
        return new GdbMemoryMap(regions);
    }

    public List<Region> flashRegions() {
        return regions.stream().filter(Region::isFlash).toList();
    }

    /** The flash region holding all of [address, address+size), if any. */
    public Optional<Region> flashRegion(long address, long size) {
        return flashRegions().stream().filter(r -> r.contains(address, size)).findFirst();
    }

    /**
     * Checks that erasing the page [pageAddress, pageAddress+pageSize) through vFlashErase erases
     * exactly that page: it lies in one flash region and both its address and size are whole
     * blocks. Otherwise the probe would erase more than the page (losing neighbouring data) or
     * refuse, so the mismatch is reported before anything happens.
     */
    public Region checkPageErase(long pageAddress, int pageSize) {
        Region region = flashRegion(pageAddress, pageSize).orElseThrow(() -> new FlashGeometryMismatchException(
                String.format("page 0x%08X (%d bytes) is outside the probe's flash regions %s", pageAddress, pageSize,
                        describeFlash())));
        if ((pageAddress - region.start()) % region.blockSize() != 0 || pageSize % region.blockSize() != 0) {
            throw new FlashGeometryMismatchException(String.format(
                    "page 0x%08X of %d bytes does not match the probe's %d-byte flash blocks: erasing it would"
                            + " erase neighbouring data; check the chip's page size (--flash / density)",
                    pageAddress, pageSize, region.blockSize()));
        }
        return region;
    }

    /** Checks that [address, address+size) lies inside one flash region. */
    public Region checkProgram(long address, long size) {
        return flashRegion(address, size).orElseThrow(() -> new FlashGeometryMismatchException(String.format(
                "0x%08X+%d is outside the probe's flash regions %s", address, size, describeFlash())));
    }

    private String describeFlash() {
        return flashRegions().stream()
                .map(r -> String.format("[0x%08X, 0x%08X) in %d-byte blocks", r.start(), r.end(), r.blockSize()))
                .toList().toString();
    }
}
