package io.blueflash.model;

/**
 * How half-words are fed to the FPEC while FLASH_CR.PG is set (facts §B.4, §H.11).
 */
public enum ProgramPacing {
    /** {@link #POLL_EACH} on chips identified as clones, {@link #PAGE_BLOCK} otherwise. */
    AUTO,
    /**
     * One block write of a whole page and one BSY poll at the end: a genuine STM32F1 stalls the bus
     * while BSY, so no half-word is lost, and the probe streams at full speed (BMP does this).
     */
    PAGE_BLOCK,
    /** One half-word, then poll BSY, every time: needed on APM32F103, which drops writes while BSY. */
    POLL_EACH
}
