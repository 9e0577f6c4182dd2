package dev.switchman.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One event of an environment as the status API shows it; {@code type} is Normal or Warning. */
public record EventView(long id, Instant time, String type, String reason, String message, JsonNode details) {
}
