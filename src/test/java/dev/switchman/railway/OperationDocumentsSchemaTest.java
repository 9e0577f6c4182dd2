package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.sandbox.RailwaySchema;
import graphql.ParseAndValidate;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation document validates against the schema it will meet: the project's subset
 * ({@code railway.graphqls}, which the sandbox serves) always, and Railway's real schema (the
 * introspection JSON beside the project, present in CI) whenever it is there.
 */
class OperationDocumentsSchemaTest {

    private static final Path REAL_SCHEMA = Path.of("../shared/railway-api/schema.json");

    private final OperationDocuments documents = OperationDocuments.load(getClass().getClassLoader());

    @Test
    void every_document_validates_against_the_subset_schema() {
        GraphQLSchema subset = UnExecutableSchemaGenerator.makeUnExecutableSchema(RailwaySchema.typeRegistry());

        assertThat(problems(subset)).isEmpty();
    }

    @Test
    void every_document_validates_against_railways_real_schema_where_present() throws IOException {
        if (!Files.isRegularFile(REAL_SCHEMA)) {
            System.out.println("OperationDocumentsSchemaTest: " + REAL_SCHEMA.toAbsolutePath().normalize()
                    + " is absent here; documents were validated against the subset schema only");
            every_document_validates_against_the_subset_schema();
            return;
        }
        Map<String, Object> introspection = new ObjectMapper().readValue(REAL_SCHEMA.toFile(),
                new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) introspection.getOrDefault("data", introspection);
        graphql.language.Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(data);
        GraphQLSchema real = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl));

        assertThat(problems(real)).isEmpty();
        System.out.println("OperationDocumentsSchemaTest: " + Operation.values().length
                + " documents valid against " + REAL_SCHEMA.toAbsolutePath().normalize());
    }

    @Test
    void a_document_with_an_unknown_field_is_caught() {
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
