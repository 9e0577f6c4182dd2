package dev.switchman.apply;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Project-wide writes made once: a service is a project's, whichever environment asks for it first; another
 * environment's run that wants the same service waits for the first and then finds it. One replica acts at a
 * time (the leader lock), so a lock in this process is enough.
 */
final class ProjectLocks {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock service(String projectId, String name) {
        return locks.computeIfAbsent(projectId + "/" + name, key -> new ReentrantLock());
    }
}
