package dev.switchman.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.VerificationSpec.CheckSpec;
import dev.switchman.desired.VerificationSpec.JsonExpectation;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Judges one {@link HttpObservation} against its {@link CheckSpec}: status set, latency limit, JSON expectations. */
public final class CheckEvaluator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CheckEvaluator() {
    }

    public static CheckResult evaluate(CheckSpec check, HttpObservation seen) {
        String name = check.name() == null ? check.path() : check.name();
        long millis = seen.latency() == null ? 0 : seen.latency().toMillis();
        List<Integer> expected = check.expectStatus().isEmpty() ? List.of(200) : check.expectStatus();
        if (seen.status() == 0) {
            return new CheckResult(name, false, 0, millis, "no answer: " + seen.error());
        }
        if (!expected.contains(seen.status())) {
            return new CheckResult(name, false, seen.status(), millis, "HTTP " + seen.status() + ", expected " + expected);
        }
        if (check.maxLatency() != null && seen.latency() != null && seen.latency().compareTo(check.maxLatency()) > 0) {
            return new CheckResult(name, false, seen.status(), millis,
                    "answered in " + millis + " ms, limit " + check.maxLatency().toMillis() + " ms");
        }
        if (!check.json().isEmpty()) {
            JsonNode body;
            try {
                body = MAPPER.readTree(seen.body() == null ? "" : seen.body());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || body.isMissingNode()) {
                return new CheckResult(name, false, seen.status(), millis, "the body is not JSON");
            }
            for (JsonExpectation expectation : check.json()) {
                String failure = failure(expectation, body);
                if (failure != null) {
                    return new CheckResult(name, false, seen.status(), millis, failure);
                }
            }
        }
        return new CheckResult(name, true, seen.status(), millis, null);
    }

    /** Null when the expectation holds, otherwise what did not (paths and values of the checked fields only). */
    static String failure(JsonExpectation expectation, JsonNode body) {
        if (expectation.each() == null) {
            return failureAt(expectation, at(body, expectation.path()), expectation.path());
        }
        JsonNode collection = at(body, expectation.each());
        if (!collection.isContainerNode()) {
            return expectation.each() + " is missing or not a collection";
        }
        List<String> keys = new ArrayList<>();
        List<JsonNode> members = new ArrayList<>();
        if (collection.isObject()) {
            collection.fields().forEachRemaining(e -> { keys.add(e.getKey()); members.add(e.getValue()); });
        } else {
            for (int i = 0; i < collection.size(); i++) {
                keys.add(String.valueOf(i));
                members.add(collection.get(i));
            }
        }
        for (int i = 0; i < members.size(); i++) {
            if (matches(members.get(i), expectation.where())) {
                String failure = failureAt(expectation, at(members.get(i), expectation.path()),
                        expectation.each() + "." + keys.get(i) + "." + expectation.path());
                if (failure != null) {
                    return failure;
                }
            }
        }
        return null;
    }

    private static String failureAt(JsonExpectation expectation, JsonNode value, String where) {
        if (value.isMissingNode() || value.isNull()) {
            return where + " is missing";
        }
        for (Object allowed : expectation.oneOf()) {
            if (same(value, allowed)) {
                return null;
            }
        }
        return where + " is " + value + ", expected one of " + expectation.oneOf();
    }

    private static boolean matches(JsonNode member, Map<String, Object> where) {
        return where.entrySet().stream().allMatch(e -> same(at(member, e.getKey()), e.getValue()));
    }

    private static boolean same(JsonNode value, Object expected) {
        if (expected instanceof Number number && value.isNumber()) {
            return value.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
        }
        if (expected instanceof Boolean flag) {
            return value.isBoolean() && value.booleanValue() == flag;
        }
        return value.isTextual() && value.textValue().equals(String.valueOf(expected));
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            current = current.isArray() && part.matches("\\d+") ? current.path(Integer.parseInt(part)) : current.path(part);
        }
        return current;
    }
}
