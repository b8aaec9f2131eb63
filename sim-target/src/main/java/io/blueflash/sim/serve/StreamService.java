package io.blueflash.sim.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A device-side emulator serving one client over a byte stream until end of input. */
@FunctionalInterface
public interface StreamService {

    void serve(InputStream in, OutputStream out) throws IOException;
}
