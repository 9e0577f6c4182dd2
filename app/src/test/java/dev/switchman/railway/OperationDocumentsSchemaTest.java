package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.sandbox.RailwaySchema;
import dev.switchman.testing.RealRailwaySchema;
import graphql.ParseAndValidate;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every operation document validates against the schema it will meet: the project's subset
 * ({@code railway.graphqls}, which the sandbox serves) always, and Railway's real schema (the
 * introspection JSON beside the project, present in CI) whenever it is there.
 */
class OperationDocumentsSchemaTest {

    private final OperationDocuments documents = OperationDocuments.load(getClass().getClassLoader());

    @Test
    void everyDocumentValidatesAgainstTheSubsetSchema() {
        GraphQLSchema subset = UnExecutableSchemaGenerator.makeUnExecutableSchema(RailwaySchema.typeRegistry());

        assertThat(problems(subset)).isEmpty();
    }

    @Test
    void everyDocumentValidatesAgainstRailwaysRealSchemaWherePresent() throws IOException {
        Optional<Path> realSchema = RealRailwaySchema.find("OperationDocumentsSchemaTest");
        if (realSchema.isEmpty()) {
            return;
        }
        Map<String, Object> introspection = new ObjectMapper().readValue(realSchema.get().toFile(),
                new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) introspection.getOrDefault("data", introspection);
        graphql.language.Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(data);
        GraphQLSchema real = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl));

        assertThat(problems(real)).isEmpty();
        System.out.println("OperationDocumentsSchemaTest: " + Operation.values().length
                + " documents valid against " + realSchema.get());
    }

    @Test
    void aDocumentWithAnUnknownFieldIsCaught() {
        GraphQLSchema subset = UnExecutableSchemaGenerator.makeUnExecutableSchema(RailwaySchema.typeRegistry());
        Document broken = Parser.parse("mutation DeploymentRollback($id: String!) { deploymentRollback(id: $id) { id } }");

        assertThat(ParseAndValidate.validate(subset, broken)).isNotEmpty();
    }

    private List<String> problems(GraphQLSchema schema) {
        List<String> problems = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            validate(schema, operation.documentName(), documents.text(operation), problems);
        }
        // the batched read as it is sent: one alias per environment
        validate(schema, "EnvironmentStates x3",
                EnvironmentStateReader.batchDocument(3, documents.text(Operation.ENVIRONMENT_STATES)), problems);
        return problems;
    }

    private static void validate(GraphQLSchema schema, String name, String text, List<String> problems) {
        for (ValidationError error : ParseAndValidate.validate(schema, Parser.parse(text))) {
            problems.add(name + ": " + error.getMessage());
        }
    }
}
