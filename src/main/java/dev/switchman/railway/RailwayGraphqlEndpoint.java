package dev.switchman.railway;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Railway's GraphQL endpoint as a Quarkus REST client. The base URL is the endpoint itself
 * ({@code switchman.railway.api-url}); {@link RestClientTransport} builds it from
 * {@link RailwayConfig}, and {@code quarkus.rest-client.railway.*} can add proxy or TLS settings.
 * Returns the raw response so every status and header reaches {@link ResponseClassifier}.
 */
@RegisterRestClient(configKey = "railway")
public interface RailwayGraphqlEndpoint {

    /** Null headers are not sent, so exactly one of the two auth headers goes out. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response post(String jsonBody,
            @HeaderParam("Project-Access-Token") String projectAccessToken,
            @HeaderParam("Authorization") String authorization);
}
