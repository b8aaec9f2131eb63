/**
 * Typed progress of a long operation (write, read, erase, verify), after probe-rs's
 * {@code flashing/progress.rs}: a sealed {@link io.blueflash.progress.ProgressEvent} delivered in a
 * documented order to a {@link io.blueflash.progress.ProgressListener}.
 */
package io.blueflash.progress;
