package io.blueflash.transport.serial.gdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Remote register numbers from the target description ({@code qXfer:features:read:target.xml}).
 * A {@code <reg>} without {@code regnum} takes the previous number plus one; xpsr is 25 in GDB's
 * ARM M-profile feature, so the numbers must come from the document, not from position.
 */
public final class GdbRegisterMap {

    /** DCRSR REGSEL (facts §C.6) → register name in the description. */
    private static final Map<Integer, String> NAMES_BY_REGSEL = names();

    private final Map<String, Integer> numbers;
    private final List<String> gPacketOrder;

    private GdbRegisterMap(Map<String, Integer> numbers, List<String> gPacketOrder) {
        this.numbers = numbers;
        this.gPacketOrder = gPacketOrder;
    }

    public static GdbRegisterMap parse(String xml) {
        Document document = GdbXml.parse(xml, "target description");
        NodeList regs = document.getElementsByTagName("reg");
        Map<String, Integer> numbers = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < regs.getLength(); i++) {
            Element reg = (Element) regs.item(i);
            String regnum = reg.getAttribute("regnum");
            int number = regnum.isEmpty() ? next : (int) GdbXml.number(regnum, "regnum");
            numbers.put(reg.getAttribute("name").toLowerCase(java.util.Locale.ROOT), number);
            next = number + 1;
        }
        List<String> order = new ArrayList<>(numbers.keySet());
        order.sort((a, b) -> Integer.compare(numbers.get(a), numbers.get(b)));
        return new GdbRegisterMap(Map.copyOf(numbers), List.copyOf(order));
    }

    /** The remote number of core register {@code regsel}, or -1 when the description lacks it. */
    public int numberOf(int regsel) {
        String name = NAMES_BY_REGSEL.get(regsel);
        if (name == null) {
            return -1;
        }
        return numbers.getOrDefault(name, -1);
    }

    /** Position of {@code regsel}'s register in the {@code g} packet, or -1. */
    public int gPacketIndexOf(int regsel) {
        String name = NAMES_BY_REGSEL.get(regsel);
        return name == null ? -1 : gPacketOrder.indexOf(name);
    }

    private static Map<Integer, String> names() {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (int r = 0; r <= 12; r++) {
            names.put(r, "r" + r);
        }
        names.put(13, "sp");
        names.put(14, "lr");
        names.put(15, "pc");
        names.put(16, "xpsr");
        names.put(17, "msp");
        names.put(18, "psp");
        return Map.copyOf(names);
    }
}
