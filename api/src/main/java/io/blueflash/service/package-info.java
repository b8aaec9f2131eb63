/**
 * The use-case services: each implements one {@code port.in} use case over the
 * {@link io.blueflash.port.out.ProbeConnector}s given to its constructor (the CLI finds them with
 * {@link java.util.ServiceLoader}). Services never compose {@code debug.adi}/{@code debug.cortexm}:
 * connections arrive with the capabilities they offer.
 */
package io.blueflash.service;
