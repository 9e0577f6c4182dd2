package dev.switchman.sandbox;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Railway's custom scalars: DateTime (RFC 3339 UTC) and raw JSON ones passed through untouched. */
final class SandboxScalars {

    static final List<String> JSON_SCALARS = List.of("JSON", "EnvironmentConfig", "EnvironmentVariables", "DeploymentMeta", "DeploymentDiagnosis");

    private SandboxScalars() {
    }

    static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar().name("DateTime").coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                return value instanceof Instant i ? i.truncatedTo(ChronoUnit.MILLIS).toString() : String.valueOf(value);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return Instant.parse(String.valueOf(input));
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue s) {
                    return Instant.parse(s.getValue());
                }
                throw new CoercingParseLiteralException("DateTime must be a string");
            }
        }).build();
    }

    static GraphQLScalarType json(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                return value;
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return input;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                return literal(input, variables);
            }
        }).build();
    }

    private static Object literal(Value<?> value, CoercedVariables variables) {
        return switch (value) {
            case NullValue n -> null;
            case StringValue s -> s.getValue();
            case BooleanValue b -> b.isValue();
            case IntValue i -> i.getValue().intValueExact();
            case FloatValue f -> f.getValue().doubleValue();
            case EnumValue e -> e.getName();
            case VariableReference v -> variables.get(v.getName());
            case ArrayValue a -> a.getValues().stream().map(v -> literal(v, variables)).toList();
            case ObjectValue o -> {
                Map<String, Object> map = new LinkedHashMap<>();
                o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
                yield map;
            }
            default -> throw new CoercingParseLiteralException("unsupported JSON literal");
        };
    }
}
