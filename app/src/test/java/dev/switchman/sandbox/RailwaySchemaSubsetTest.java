package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.testing.RealRailwaySchema;
import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The subset must be faithful: every type, field, argument and enum value exists in Railway's real
 * schema with the same type. Inputs, enums and argument lists must be complete, because the sandbox
 * validates documents against this file and must reject exactly what Railway rejects.
 */
class RailwaySchemaSubsetTest {

    @Test
    void subsetParsesAndBuildsAnExecutableSchema() {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(RailwaySchema.typeRegistry());
        assertThat(schema.getQueryType().getFieldDefinition("environment")).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinition("deploymentRollback").getType()).hasToString("Boolean!");
    }

    @Test
    void subsetMatchesTheRealSchemaWhereAvailable() throws IOException {
        Optional<Path> real = RealRailwaySchema.find("RailwaySchemaSubsetTest");
        if (real.isEmpty()) {
            return;
        }
        Map<String, JsonNode> realTypes = new HashMap<>();
        for (JsonNode type : new ObjectMapper().readTree(real.get().toFile()).at("/data/__schema/types")) {
            realTypes.put(type.get("name").asText(), type);
        }
        TypeDefinitionRegistry subset = RailwaySchema.typeRegistry();
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (TypeDefinition<?> type : subset.types().values()) {
            compared += compare(type, realTypes.get(type.getName()), problems);
        }
        for (ScalarTypeDefinition scalar : subset.scalars().values()) {
            JsonNode r = realTypes.get(scalar.getName());
            if (!scalar.getName().matches("String|Int|Float|Boolean|ID") && (r == null || !"SCALAR".equals(r.get("kind").asText()))) {
                problems.add("scalar " + scalar.getName() + " is not a scalar in the real schema");
            }
        }
        System.out.println("RailwaySchemaSubsetTest: compared " + compared + " fields, arguments and enum values");
        assertThat(problems).isEmpty();
        assertThat(compared).isGreaterThan(300);
    }

    private static int compare(TypeDefinition<?> type, JsonNode real, List<String> problems) {
        String name = type.getName();
        if (real == null) {
            problems.add("type " + name + " does not exist");
            return 0;
        }
        int compared = 0;
        if (type instanceof ObjectTypeDefinition object) {
            expectKind(real, "OBJECT", name, problems);
            Map<String, JsonNode> realFields = byName(real.get("fields"));
            for (FieldDefinition field : object.getFieldDefinitions()) {
                JsonNode rf = realFields.get(field.getName());
                String where = name + "." + field.getName();
                if (rf == null) {
                    problems.add("field " + where + " does not exist");
                    continue;
                }
                compared += sameType(where, field.getType(), rf.get("type"), problems);
                compared += sameInputs(where, field.getInputValueDefinitions(), rf.get("args"), problems);
            }
        } else if (type instanceof InputObjectTypeDefinition input) {
            expectKind(real, "INPUT_OBJECT", name, problems);
            compared += sameInputs(name, input.getInputValueDefinitions(), real.get("inputFields"), problems);
        } else if (type instanceof EnumTypeDefinition enumType) {
            expectKind(real, "ENUM", name, problems);
            TreeSet<String> mine = new TreeSet<>(enumType.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
            TreeSet<String> theirs = new TreeSet<>(byName(real.get("enumValues")).keySet());
            if (!mine.equals(theirs)) {
                problems.add("enum " + name + " has " + mine + " but Railway has " + theirs);
            }
            compared += mine.size();
        } else {
            problems.add("unexpected definition " + name);
        }
        return compared;
    }

    private static int sameInputs(String where, List<InputValueDefinition> mine, JsonNode realList, List<String> problems) {
        Map<String, JsonNode> theirs = byName(realList);
        TreeSet<String> mineNames = new TreeSet<>(mine.stream().map(InputValueDefinition::getName).toList());
        if (!mineNames.equals(new TreeSet<>(theirs.keySet()))) {
            problems.add(where + " inputs " + mineNames + " differ from Railway's " + new TreeSet<>(theirs.keySet()));
        }
        int compared = 0;
        for (InputValueDefinition value : mine) {
            JsonNode r = theirs.get(value.getName());
            if (r != null) {
                compared += sameType(where + "(" + value.getName() + ")", value.getType(), r.get("type"), problems);
            }
        }
        return compared;
    }

    private static int sameType(String where, Type<?> mine, JsonNode real, List<String> problems) {
        String mineText = AstPrinter.printAst(mine);
        String realText = render(real);
        if (!mineText.equals(realText)) {
            problems.add(where + " is " + mineText + " but Railway says " + realText);
        }
        return 1;
    }

    private static String render(JsonNode type) {
        return switch (type.get("kind").asText()) {
            case "NON_NULL" -> render(type.get("ofType")) + "!";
            case "LIST" -> "[" + render(type.get("ofType")) + "]";
            default -> type.get("name").asText();
        };
    }

    private static void expectKind(JsonNode real, String kind, String name, List<String> problems) {
        if (!kind.equals(real.get("kind").asText())) {
            problems.add(name + " is " + real.get("kind").asText() + " in Railway, not " + kind);
        }
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> map = new HashMap<>();
        if (list != null) {
            list.forEach(node -> map.put(node.get("name").asText(), node));
        }
        return map;
    }
}
