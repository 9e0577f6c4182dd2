package dev.switchman.sandbox;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one GraphQL request the way Railway answers it: 400 with GRAPHQL_PARSE_FAILED or
 * GRAPHQL_VALIDATION_FAILED for bad documents, otherwise 200 with data and/or errors. Every error
 * carries a traceId. The caller has already passed auth resolution and the rate limiter.
 */
final class GraphqlEndpoint {

    /** HTTP status and JSON body. */
    record Answer(int status, Map<String, Object> body) {
    }

    private final GraphQLSchema schema;
    private final GraphQL graphql;
    private final SandboxIds ids;

    GraphqlEndpoint(GraphQLSchema schema, SandboxIds ids) {
        this.schema = schema;
        this.ids = ids;
        this.graphql = GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new RailwayErrors()).build();
    }

    Answer execute(String query, Map<String, Object> variables, String operationName, Caller caller) {
        if (query == null || query.isBlank()) {
            return failure(400, "GraphQL operations must contain a non-empty `query`.", "BAD_REQUEST");
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return failure(400, "Syntax Error: " + e.getMessage(), "GRAPHQL_PARSE_FAILED");
        }
        List<ValidationError> invalid = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        if (!invalid.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            invalid.forEach(v -> errors.add(error(ValidationMessages.railwayStyle(v), "GRAPHQL_VALIDATION_FAILED")));
            return new Answer(400, Map.of("errors", errors));
        }
        ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput(query)
                .variables(variables == null ? Map.of() : variables)
                .operationName(operationName)
                .graphQLContext(Map.of(Caller.class, caller))
                .build());
        Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
        boolean badInput = !result.isDataPresent() && !result.getErrors().isEmpty();
        if (body.get("errors") instanceof List<?> errors) {
            List<Map<String, Object>> traced = new ArrayList<>();
            for (Object e : errors) {
                traced.add(traced(castMap(e), badInput ? "BAD_USER_INPUT" : null));
            }
            body.put("errors", traced);
        }
        return new Answer(badInput ? 400 : 200, body);
    }

    Answer failure(int status, String message, String code) {
        return new Answer(status, Map.of("errors", List.of(error(message, code))));
    }

    private Map<String, Object> error(String message, String code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("extensions", new LinkedHashMap<>(Map.of("code", code)));
        return traced(e, code);
    }

    private Map<String, Object> traced(Map<String, Object> error, String defaultCode) {
        Map<String, Object> out = new LinkedHashMap<>(error);
        Map<String, Object> ext = new LinkedHashMap<>(error.get("extensions") instanceof Map<?, ?> m ? castMap(m) : Map.of());
        ext.remove("classification");
        if (defaultCode != null) {
            ext.putIfAbsent("code", defaultCode);
        }
        ext.put("traceId", ids.next("trace").replace("-", ""));
        out.put("extensions", ext);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** Fetcher failures become Railway-style errors: our message and extensions, never a stack trace. */
    private static final class RailwayErrors implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(graphql.execution.DataFetcherExceptionHandlerParameters p) {
            Throwable t = p.getException();
            GraphQLError error = t instanceof SandboxException e
                    ? GraphqlErrorBuilder.newError(p.getDataFetchingEnvironment()).message(e.getMessage()).extensions(e.extensions()).build()
                    : GraphqlErrorBuilder.newError(p.getDataFetchingEnvironment()).message("Problem processing request")
                            .extensions(Map.of("code", "INTERNAL_SERVER_ERROR")).build();
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
        }
    }
}
