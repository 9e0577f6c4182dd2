package dev.switchman.railway;

import java.time.Duration;

/**
 * How long a call waits for its answer once sent: reads give up sooner than writes, since a write given up on may
 * still take effect and must then be looked up before it is sent again.
 */
record Timeouts(Duration read, Duration write) {

    static Timeouts of(RailwayConfig config) {
        return new Timeouts(config.readTimeout(), config.mutationTimeout());
    }

    Duration of(Operation operation) {
        return operation.kind() == Operation.Kind.READ ? read : write;
    }
}
