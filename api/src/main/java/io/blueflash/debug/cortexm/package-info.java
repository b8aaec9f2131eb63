/**
 * Cortex-M3 run control over {@link io.blueflash.port.out.MemoryAccess}: the debug registers of the
 * System Control Space (DHCSR, DCRSR, DCRDR, DEMCR, AIRCR, DFSR; facts §C.6). Adapters that have
 * memory access but no native core commands compose {@link io.blueflash.debug.cortexm.CortexMCoreControl}.
 */
package io.blueflash.debug.cortexm;
