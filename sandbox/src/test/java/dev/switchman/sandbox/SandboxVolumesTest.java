package dev.switchman.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxVolumesTest {

    private final SandboxHarness h = new SandboxHarness(SandboxHarness.shop()
            .project("data", p -> p.environments("production", "staging").service("db", s -> s.image("postgres:16").volume("/var/lib/postgresql/data"))));
    private final String dbProject = h.sandbox.projectId("data");
    private final String dbProd = h.sandbox.environmentId("data", "production");
    private final String db = h.sandbox.serviceId("data", "db");

    private String volumeInstanceId() {
        Map<String, Object> d = h.data("query($e: String!) { environment(id: $e) { volumeInstances { edges { node { id serviceId mountPath sizeMB state } } } } }",
                Map.of("e", dbProd));
        Object node = Json.at(d, "environment.volumeInstances.edges.0.node");
        assertThat(Json.map(node)).containsEntry("serviceId", db).containsEntry("mountPath", "/var/lib/postgresql/data").containsEntry("state", "READY");
        return (String) Json.map(node).get("id");
    }

    private String status(String workflowId) {
        return (String) Json.at(h.data("query($w: String!) { workflowStatus(workflowId: $w) { status error } }", Map.of("w", workflowId)), "workflowStatus.status");
    }

    @Test
    void backupIsAnAsyncWorkflowThatEndsInTheList() {
        String vi = volumeInstanceId();
        String workflow = (String) Json.at(h.data("mutation($v: String!) { volumeInstanceBackupCreate(volumeInstanceId: $v, name: \"pre-migration\") { workflowId } }",
                Map.of("v", vi)), "volumeInstanceBackupCreate.workflowId");
        assertThat(status(workflow)).isEqualTo("NotFound");
        h.advance(1);
        assertThat(status(workflow)).isEqualTo("Running");
        h.advance(1);
        assertThat(status(workflow)).isEqualTo("Complete");
        List<Object> backups = Json.list(h.data("query($v: String!) { volumeInstanceBackupList(volumeInstanceId: $v) { id name createdAt } }",
                Map.of("v", vi)).get("volumeInstanceBackupList"));
        assertThat(backups).singleElement().satisfies(b -> assertThat(Json.map(b)).containsEntry("name", "pre-migration"));
    }

    @Test
    void restoreStagesTheVolumeSwapAndDeletesNewerBackups() {
        String vi = volumeInstanceId();
        String backup = "mutation($v: String!, $n: String) { volumeInstanceBackupCreate(volumeInstanceId: $v, name: $n) { workflowId } }";
        h.data(backup, Map.of("v", vi, "n", "first"));
        h.advance(5);
        h.data(backup, Map.of("v", vi, "n", "second"));
        h.advance(5);
        String listQ = "query($v: String!) { volumeInstanceBackupList(volumeInstanceId: $v) { id name } }";
        List<Object> backups = Json.list(h.data(listQ, Map.of("v", vi)).get("volumeInstanceBackupList"));
        String first = (String) Json.at(backups, "1.id");
        String etag = h.sandbox.configEtag(dbProd);
        h.data("mutation($v: String!, $b: String!) { volumeInstanceBackupRestore(volumeInstanceId: $v, volumeInstanceBackupId: $b) { workflowId } }",
                Map.of("v", vi, "b", first));
        h.advance(5);
        assertThat(h.sandbox.configEtag(dbProd)).isEqualTo(etag);
        assertThat(Json.at(h.data("query($e: String!) { environment(id: $e) { unmergedChangesCount } }", Map.of("e", dbProd)), "environment.unmergedChangesCount"))
                .isNotEqualTo(0);
        h.data("mutation($e: String!) { environmentPatchCommitStaged(environmentId: $e) }", Map.of("e", dbProd));
        Map<String, Object> d = h.data("query($e: String!) { environment(id: $e) { volumeInstances { edges { node { volumeId serviceId } } } } }", Map.of("e", dbProd));
        List<Object> edges = Json.list(Json.at(d, "environment.volumeInstances.edges"));
        assertThat(edges).hasSize(2);
        assertThat(edges.stream().filter(e -> db.equals(Json.at(e, "node.serviceId"))).count()).isEqualTo(1);
        assertThat(Json.list(h.data(listQ, Map.of("v", vi)).get("volumeInstanceBackupList"))).hasSize(1);
    }

    @Test
    void backupSchedulesAreACompleteSetInTheConfig() {
        String vi = volumeInstanceId();
        String etag = h.sandbox.configEtag(dbProd);
        h.data("mutation($v: String!) { volumeInstanceBackupScheduleUpdate(volumeInstanceId: $v, kinds: [DAILY, WEEKLY]) }", Map.of("v", vi));
        assertThat(h.sandbox.configEtag(dbProd)).isNotEqualTo(etag);
        List<Object> schedules = Json.list(h.data("query($v: String!) { volumeInstanceBackupScheduleList(volumeInstanceId: $v) { kind retentionSeconds } }",
                Map.of("v", vi)).get("volumeInstanceBackupScheduleList"));
        assertThat(schedules).extracting(s -> Json.map(s).get("kind")).containsExactly("DAILY", "WEEKLY");
        h.data("mutation($v: String!) { volumeInstanceBackupScheduleUpdate(volumeInstanceId: $v, kinds: []) }", Map.of("v", vi));
        assertThat(Json.list(h.data("query($v: String!) { volumeInstanceBackupScheduleList(volumeInstanceId: $v) { kind } }",
                Map.of("v", vi)).get("volumeInstanceBackupScheduleList"))).isEmpty();
    }

    @Test
    void volumeCreateNullEnvironmentMeansNoneOmittedMeansAll() {
        String q = "mutation($i: VolumeCreateInput!) { volumeCreate(input: $i) { id } }";
        Map<String, Object> none = new HashMap<>(Map.of("projectId", dbProject, "mountPath", "/none"));
        none.put("environmentId", null);
        h.data(q, Map.of("i", none));
        h.data(q, Map.of("i", Map.of("projectId", dbProject, "mountPath", "/all")));
        String count = "query($e: String!) { environment(id: $e) { volumeInstances { edges { node { mountPath } } } } }";
        for (String env : List.of(dbProd, h.sandbox.environmentId("data", "staging"))) {
            List<Object> edges = Json.list(Json.at(h.data(count, Map.of("e", env)), "environment.volumeInstances.edges"));
            assertThat(edges).extracting(e -> Json.at(e, "node.mountPath")).containsExactlyInAnyOrder("/var/lib/postgresql/data", "/all");
        }
    }

    @Test
    void volumeServiceStopsTheOldDeploymentBeforeTheNewOneStarts() {
        h.data("mutation($s: String!, $e: String!) { serviceInstanceDeployV2(serviceId: $s, environmentId: $e) }", Map.of("s", db, "e", dbProd));
        h.advance(2);
        assertThat(h.statuses(dbProd, db)).containsExactly("DEPLOYING", "REMOVED");
        h.advance(2);
        assertThat(h.statuses(dbProd, db)).containsExactly("SUCCESS", "REMOVED");
    }

    @Test
    void aVolumeCreatedForOneEnvironmentAnswersWithItsInstanceThereOnly() {
        String staging = h.sandbox.environmentId("data", "staging");
        Map<String, Object> d = h.data("""
                mutation($i: VolumeCreateInput!) { volumeCreate(input: $i) {
                  id volumeInstances { edges { node { id environmentId serviceId mountPath } } } } }""",
                Map.of("i", Map.of("projectId", dbProject, "environmentId", staging, "serviceId", db, "mountPath", "/cache")));

        List<Object> instances = Json.list(Json.at(d, "volumeCreate.volumeInstances.edges"));
        assertThat(instances).singleElement().satisfies(edge -> assertThat(Json.map(Json.at(edge, "node")))
                .containsEntry("environmentId", staging).containsEntry("serviceId", db).containsEntry("mountPath", "/cache"));
        String mounts = "query($e: String!) { environment(id: $e) { volumeInstances { edges { node { mountPath } } } } }";
        assertThat(Json.list(Json.at(h.data(mounts, Map.of("e", dbProd)), "environment.volumeInstances.edges")))
                .extracting(e -> Json.at(e, "node.mountPath")).containsExactly("/var/lib/postgresql/data");
    }

    @Test
    void aMountPathMovesInTheNamedEnvironmentOnly() {
        String staging = h.sandbox.environmentId("data", "staging");
        String volumeId = (String) Json.at(h.data("query($e: String!) { environment(id: $e) { volumeInstances { edges { node { volumeId } } } } }",
                Map.of("e", dbProd)), "environment.volumeInstances.edges.0.node.volumeId");

        h.data("mutation($v: String!, $e: String!) { volumeInstanceUpdate(volumeId: $v, environmentId: $e, input: {mountPath: \"/pg\"}) }",
                Map.of("v", volumeId, "e", dbProd));

        String mount = "query($e: String!) { environment(id: $e) { volumeInstances { edges { node { mountPath } } } } }";
        assertThat(Json.at(h.data(mount, Map.of("e", dbProd)), "environment.volumeInstances.edges.0.node.mountPath")).isEqualTo("/pg");
        assertThat(Json.at(h.data(mount, Map.of("e", staging)), "environment.volumeInstances.edges.0.node.mountPath"))
                .isEqualTo("/var/lib/postgresql/data");
    }
}
