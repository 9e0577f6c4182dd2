package dev.switchman.railway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * New settings for one service in one environment.
 *
 * @param environmentId required: Railway would otherwise change every environment
 * @param input fields of Railway's {@code ServiceInstanceUpdateInput} ({@code startCommand},
 *     {@code healthcheckPath}, {@code source: {image}} ...); absent fields stay as they are, an
 *     explicit JSON null unsets one
 */
public record ServiceInstanceUpdate(String serviceId, String environmentId, ObjectNode input) {

    public ServiceInstanceUpdate {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(environmentId, "environmentId: without it Railway changes every environment");
        input = input.deepCopy();
    }
}
