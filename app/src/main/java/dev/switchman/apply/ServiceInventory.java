package dev.switchman.apply;

/**
 * Where the executor records the services it creates, so that only they can ever be pruned and a
 * create whose outcome is unknown is never repeated blindly.
 */
public interface ServiceInventory {

    /** Called before {@code serviceCreate} is sent: the intent survives a crash mid-request. */
    void intend(String service);

    /** The service exists on Railway with {@code railwayId}. */
    void created(String service, String railwayId);

    /** The service was deleted from the environment. */
    void deleted(String service);

    /** An inventory that keeps nothing, for dry runs and tests. */
    ServiceInventory NONE = new ServiceInventory() {
        @Override
        public void intend(String service) {
        }

        @Override
        public void created(String service, String railwayId) {
        }

        @Override
        public void deleted(String service) {
        }
    };
}
