package dev.switchman.sandbox;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;

/** The executable schema: Switchman's Railway subset wired to the sandbox engine. */
final class SandboxSchema {

    private SandboxSchema() {
    }

    static GraphQLSchema build(SandboxEngine engine) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().scalar(SandboxScalars.dateTime());
        SandboxScalars.JSON_SCALARS.forEach(name -> wiring.scalar(SandboxScalars.json(name)));
        new QueryFetchers(engine).wire(wiring);
        new ProjectQueries(engine).wire(wiring);
        new TypeFetchers(engine).wire(wiring);
        new DeploymentMutations(engine).wire(wiring);
        new ServiceMutations(engine).wire(wiring);
        new ConfigMutations(engine).wire(wiring);
        new VolumeMutations(engine).wire(wiring);
        new EnvironmentMutations(engine).wire(wiring);
        return new SchemaGenerator().makeExecutableSchema(RailwaySchema.typeRegistry(), wiring.build());
    }
}
