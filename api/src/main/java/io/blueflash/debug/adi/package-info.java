/**
 * ADIv5 debug-port and MEM-AP handling built on the raw {@link io.blueflash.port.out.DapRegisterAccess}
 * port (facts §C.2–§C.4): SELECT banking, posted AP reads fetched through RDBUFF, TAR auto-increment
 * wrap splitting, byte lanes, sticky-error recovery through ABORT. Adapters whose probe speaks raw
 * DP/AP transactions (the simulator, raw-SWD serial probes) compose {@link io.blueflash.debug.adi.MemApMemoryAccess}
 * from it; the core never does. Depends on {@code port.out} and {@code model} only.
 */
package io.blueflash.debug.adi;
