package io.blueflash.transport.serial.gdb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Parses the small XML documents a GDB server sends (memory map, target description) safely. */
final class GdbXml {

    private GdbXml() {
    }

    /** Parses without fetching the DTDs the documents name (they point at sourceware.org). */
    static Document parse(String xml, String what) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new RspProtocolException("the probe's " + what + " is not valid XML: " + e.getMessage()
                    + " (document starts '" + RspCodec.abbreviate(xml) + "')", e);
        }
    }

    /** Parses "0x8000000", "0x400" or decimal text as an unsigned number. */
    static long number(String text, String what) {
        String t = text.trim();
        try {
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new RspProtocolException("bad number '" + text + "' for " + what + " in the probe's XML");
        }
    }
}
