package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OperationDocumentsTest {

    private static final Pattern OPERATION_NAME = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)", Pattern.MULTILINE);

    @Test
    void everyOperationHasADocumentThatDeclaresItByName() {
        OperationDocuments documents = OperationDocuments.load(getClass().getClassLoader());

        for (Operation operation : Operation.values()) {
            Matcher declared = OPERATION_NAME.matcher(documents.text(operation));
            assertThat(declared.find()).as(operation.documentName()).isTrue();
            assertThat(declared.group(2)).isEqualTo(operation.documentName());
            assertThat(declared.group(1)).isEqualTo(operation.kind() == Operation.Kind.READ ? "query" : "mutation");
        }
    }

    @Test
    void everyDocumentFileBelongsToAnOperationOrIsTheSharedEnvironmentFields() throws IOException {
        List<String> known = new ArrayList<>(Arrays.stream(Operation.values())
                .map(op -> op.documentName() + ".graphql").toList());
        known.add("EnvironmentFields.graphql");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/graphql"))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".graphql")))
                    .allMatch(known::contains);
        }
    }
}
