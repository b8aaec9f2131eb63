package io.blueflash.port.in;

/**
 * Writes one image to several targets at once (gang programming), each with its own connection
 * and its own per-target data. A failing target never stops the others; the report has them all.
 */
public interface GangWriteUseCase {

    GangReport write(GangWriteRequest request);
}
