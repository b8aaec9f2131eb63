package io.blueflash.port.in;

/** Lists the probes every transport can see now ({@code blueflash probes}). */
public interface ListProbesUseCase {

    ProbeListing listProbes();
}
