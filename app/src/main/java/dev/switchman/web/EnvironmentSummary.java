package dev.switchman.web;

import java.util.Map;

/**
 * One declared environment as the status API lists it.
 *
 * @param revision the environment's own fingerprint in the desired state in force (a change elsewhere in the
 *     tree leaves it as it is)
 * @param provenance the commit (git) or content revision (directory) that state was read at
 * @param services how many services it declares
 * @param conditions each condition's status by type ({@code Ready: True}), empty before the first run
 * @param reconciledRevision the desired revision the last run acted on, null before the first
 * @param lastRun the latest run, null before the first
 * @param suspended whether nothing is applied to it (API suspension or {@code policy.suspend})
 */
public record EnvironmentSummary(String project, String name, String revision, String provenance, int services,
        Map<String, String> conditions, String reconciledRevision, RunView lastRun, boolean suspended) {
}
