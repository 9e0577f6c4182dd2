package dev.switchman.railway;

import java.util.Objects;

/** CPU and memory limits of one service in one environment; a null limit is left unchanged. */
public record LimitsUpdate(String serviceId, String environmentId, Double vCpus, Double memoryGb) {

    public LimitsUpdate {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(environmentId, "environmentId");
    }
}
