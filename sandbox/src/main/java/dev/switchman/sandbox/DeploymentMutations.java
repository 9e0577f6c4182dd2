package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

/** Deploy, redeploy, rollback, restart, stop, cancel and remove. */
final class DeploymentMutations {

    private final SandboxEngine engine;

    DeploymentMutations(SandboxEngine engine) {
        this.engine = engine;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                .dataFetcher("serviceInstanceDeployV2", env -> engine.deployer()
                        .deployCurrent(instanceEnvironment(env), env.getArgument("serviceId"), env.getArgument("commitSha")).id)
                .dataFetcher("serviceInstanceRedeploy", this::serviceInstanceRedeploy)
                .dataFetcher("deploymentRedeploy", env -> {
                    DeploymentEntity from = engine.deployment(env, env.getArgument("id"));
                    if (!engine.lifecycle().canRedeploy(from)) {
                        throw SandboxException.badInput("Deployment cannot be redeployed");
                    }
                    boolean reuseImage = Boolean.TRUE.equals(env.getArgument("usePreviousImageTag"));
                    return engine.views().deployment(engine.deployer().redeploy(from, !reuseImage));
                })
                .dataFetcher("deploymentRollback", env -> {
                    engine.deployer().rollback(engine.deployment(env, env.getArgument("id")));
                    return true;
                })
                .dataFetcher("deploymentRestart", env -> {
                    engine.lifecycle().restart(engine.deployment(env, env.getArgument("id")));
                    return true;
                })
                .dataFetcher("deploymentStop", env -> {
                    engine.lifecycle().stop(engine.deployment(env, env.getArgument("id")));
                    return true;
                })
                .dataFetcher("deploymentCancel", env -> {
                    engine.lifecycle().cancel(engine.deployment(env, env.getArgument("id")));
                    return true;
                })
                .dataFetcher("deploymentRemove", env -> {
                    engine.lifecycle().remove(engine.deployment(env, env.getArgument("id")));
                    return true;
                }));
    }

    private EnvironmentEntity instanceEnvironment(DataFetchingEnvironment env) {
        EnvironmentEntity e = engine.environment(env, env.getArgument("environmentId"));
        engine.state().serviceConfig(e, env.getArgument("serviceId"));
        return e;
    }

    /** Same image as the latest deployment, even after the source changed (Railway reuses the live image). */
    private Object serviceInstanceRedeploy(DataFetchingEnvironment env) {
        EnvironmentEntity e = instanceEnvironment(env);
        var latest = engine.state().deploymentsOf(e.id, env.getArgument("serviceId"));
        if (latest.isEmpty()) {
            throw SandboxException.badInput("No deployment to redeploy");
        }
        engine.deployer().redeploy(latest.get(0), false);
        return true;
    }
}
