package io.blueflash.port.in;

/**
 * Bytes that differ from one target to the next (a serial number, a calibration block), chosen
 * once the write has identified the chip and read its unique ID, and written as part of the same
 * flash plan as the image: the pages they share with the image are erased and programmed once.
 */
@FunctionalInterface
public interface TargetData {

    /** No per-target bytes; the write still reads the unique ID for its report. */
    TargetData NONE = target -> TargetBytes.NONE;

    /**
     * @throws TargetDataException when this target has no data (its unique ID is not listed, or
     *                             could not be read)
     */
    TargetBytes bytesFor(IdentifiedTarget target);
}
