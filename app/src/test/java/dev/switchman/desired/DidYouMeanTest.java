package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.shape.DidYouMean;
import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> DEPLOY = List.of("healthcheckPath", "healthcheckTimeout", "numReplicas",
            "startCommand");

    @Test
    void suggestsTheClosestKnownName() {
        assertThat(DidYouMean.suggest("healthCheckPath", DEPLOY)).contains("healthcheckPath");
        assertThat(DidYouMean.suggest("healthcheckTimout", DEPLOY)).contains("healthcheckTimeout");
        assertThat(DidYouMean.suggest("replicas", DEPLOY)).isEmpty();
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }
}
