package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceInstanceSettingsTest {

    @Test
    void everyServiceInstanceUpdateInputFieldTheSandboxServesIsKept() {
        InputObjectTypeDefinition input = RailwaySchema.typeRegistry()
                .getType("ServiceInstanceUpdateInput", InputObjectTypeDefinition.class).orElseThrow();

        assertThat(input.getInputValueDefinitions()).extracting(InputValueDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(ServiceInstanceSettings.modelledInputFields());
    }

    @Test
    void aFieldTheSandboxDoesNotModelFailsLoudly() {
        ServiceInstanceSettings settings = new ServiceInstanceSettings(new LinkedHashMap<>());

        assertThatThrownBy(() -> settings.apply(Map.of("gpuCount", 1)))
                .hasMessageContaining("ServiceInstanceUpdateInput.gpuCount");
    }
}
