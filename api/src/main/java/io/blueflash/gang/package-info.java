/**
 * Per-target data for gang programming ({@link io.blueflash.port.in.TargetData}): a serial number
 * counted up from one target to the next ({@link SerialCounter}), or bytes looked up by the chip's
 * 96-bit unique ID in a table ({@link UniqueIdTable}). Pure: JDK only, no I/O.
 */
package io.blueflash.gang;
