package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The volume operations of {@link RailwayClient}: create and move volumes, backup schedules and
 * backups. Every call names the one environment it acts in, since an omitted {@code environmentId}
 * means every environment to Railway (and an explicit null, for {@code volumeCreate}, none).
 */
final class VolumeCalls {

    private final GraphqlCaller caller;
    private final ObjectMapper json;

    VolumeCalls(GraphqlCaller caller, ObjectMapper json) {
        this.caller = caller;
        this.json = json;
    }

    CreatedVolume create(String projectId, String environmentId, String serviceId, String mountPath) {
        ObjectNode variables = json.createObjectNode();
        variables.putObject("input").put("projectId", projectId).put("environmentId", environmentId)
                .put("serviceId", serviceId).put("mountPath", mountPath);
        JsonNode volume = caller.call(Operation.VOLUME_CREATE, variables, "volume at " + mountPath + " of service "
                + serviceId + " in environment " + environmentId).path("volumeCreate");
        String instanceId = ResponseReader.nodes(volume.path("volumeInstances")).stream()
                .filter(node -> environmentId.equals(ResponseReader.text(node, "environmentId")))
                .map(node -> ResponseReader.text(node, "id")).findFirst().orElse(null);
        return new CreatedVolume(ResponseReader.text(volume, "id"), ResponseReader.text(volume, "name"), instanceId);
    }

    void moveMountPath(String volumeId, String environmentId, String mountPath) {
        ObjectNode variables = json.createObjectNode().put("volumeId", volumeId).put("environmentId", environmentId);
        variables.putObject("input").put("mountPath", mountPath);
        caller.expectTrue(Operation.VOLUME_INSTANCE_UPDATE, variables, "volumeInstanceUpdate",
                "volume " + volumeId + " in environment " + environmentId);
    }

    void updateBackupSchedule(String volumeInstanceId, Set<String> kinds) {
        ObjectNode variables = json.createObjectNode().put("volumeInstanceId", volumeInstanceId);
        kinds.stream().sorted().forEach(variables.putArray("kinds")::add);
        caller.expectTrue(Operation.VOLUME_INSTANCE_BACKUP_SCHEDULE_UPDATE, variables,
                "volumeInstanceBackupScheduleUpdate", "volume instance " + volumeInstanceId);
    }

    String createBackup(String volumeInstanceId, String name) {
        ObjectNode variables = json.createObjectNode().put("volumeInstanceId", volumeInstanceId).put("name", name);
        return ResponseReader.text(caller.call(Operation.VOLUME_INSTANCE_BACKUP_CREATE, variables,
                "volume instance " + volumeInstanceId).path("volumeInstanceBackupCreate"), "workflowId");
    }

    List<VolumeBackup> backups(String volumeInstanceId) {
        JsonNode list = caller.call(Operation.VOLUME_INSTANCE_BACKUP_LIST,
                json.createObjectNode().put("volumeInstanceId", volumeInstanceId), "volume instance " + volumeInstanceId)
                .path("volumeInstanceBackupList");
        return StreamSupport.stream(list.spliterator(), false).map(ResponseReader::volumeBackup).toList();
    }
}
