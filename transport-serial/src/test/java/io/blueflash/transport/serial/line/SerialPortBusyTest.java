package io.blueflash.transport.serial.line;

import io.blueflash.port.out.ProbeBusyException;
import io.blueflash.port.out.ProbeNotFoundException;
import jssc.SerialPortException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 2: a serial port another program holds is "probe busy", as a claimed USB interface is. */
class SerialPortBusyTest {

    @Test
    void givenJsscReportsPortBusy_whenMapped_thenProbeBusyNamingThePort() {
        RuntimeException e = JsscSerialLine.openFailure("/dev/ttyACM0",
                new SerialPortException("/dev/ttyACM0", "openPort()", SerialPortException.TYPE_PORT_BUSY));

        assertThat(e).isInstanceOf(ProbeBusyException.class).hasMessageContaining("/dev/ttyACM0")
                .hasMessageContaining("in use by another program");
    }

    @Test
    void givenOtherOpenFailures_whenMapped_thenNotBusy() {
        assertThat(JsscSerialLine.openFailure("/dev/ttyUSB9",
                new SerialPortException("/dev/ttyUSB9", "openPort()", SerialPortException.TYPE_PORT_NOT_FOUND)))
                .isInstanceOf(ProbeNotFoundException.class);
        assertThat(JsscSerialLine.openFailure("/dev/ttyUSB9",
                new SerialPortException("/dev/ttyUSB9", "openPort()", SerialPortException.TYPE_PERMISSION_DENIED)))
                .isNotInstanceOf(ProbeBusyException.class);
    }
}
