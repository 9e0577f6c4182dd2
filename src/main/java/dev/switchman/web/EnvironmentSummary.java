package dev.switchman.web;

/**
 * One declared environment as the status API lists it.
 *
 * @param revision the desired revision it was declared in
 * @param services how many services it declares
 */
public record EnvironmentSummary(String project, String name, String revision, int services) {
}
