/**
 * The steps of a flash session as typed events ({@link io.blueflash.trace.TraceOperation}), each with
 * the public manual section that describes it ({@link io.blueflash.trace.ManualReference}): the
 * headings of the teaching trace. JDK only; no front end's wording of where the trace goes.
 */
package io.blueflash.trace;
