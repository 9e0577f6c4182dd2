package dev.switchman.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.config.DatabaseUrl;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.VariableValue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which physical database a declared one is. */
class DatabaseKeyTest {

    private static final DatabaseSpec BY_URL = new DatabaseSpec("tickets", null, new VariableValue.SecretRef("URL"),
            null, null);

    @Test
    void theUrlsHostPortAndDatabaseNameWithoutCredentialsOrParameters() {
        assertThat(key("postgresql://app:s3cret@DB.internal:5432/tickets?sslmode=require"))
                .isEqualTo(key("postgres://other:pw@db.internal/tickets"))
                .isEqualTo(new DatabaseKey("postgresql://db.internal:5432/tickets"));
        assertThat(key("postgresql://app@db.internal:6543/tickets")).isNotEqualTo(key("postgresql://app@db.internal/tickets"));
        assertThat(key("postgresql://app@db.internal/tickets_staging")).isNotEqualTo(key("postgresql://app@db.internal/tickets"));
        assertThat(key("postgresql://app@[::1]:5433/t").value()).isEqualTo("postgresql://[::1]:5433/t");
    }

    @Test
    void aDeclaredIdWinsOverTheUrl() {
        DatabaseSpec declared = new DatabaseSpec("tickets", null, BY_URL.url(), null, null, "ticketing-main");

        assertThat(DatabaseKey.of(declared, DatabaseUrl.parse("postgresql://a@public.proxy:31234/railway")))
                .isEqualTo(DatabaseKey.lookup(declared, name -> Optional.empty()).orElseThrow())
                .isEqualTo(DatabaseKey.declared("ticketing-main"));
    }

    @Test
    void lookingUpWithoutAUsableUrlFindsNothing() {
        assertThat(DatabaseKey.lookup(BY_URL, name -> Optional.empty())).isEmpty();
        assertThat(DatabaseKey.lookup(BY_URL, name -> Optional.of("not a url"))).isEmpty();
        Map<String, String> secrets = Map.of("URL", "postgresql://u:p@h/db");
        assertThat(DatabaseKey.lookup(BY_URL, name -> Optional.ofNullable(secrets.get(name))))
                .contains(new DatabaseKey("postgresql://h:5432/db"));
    }

    private static DatabaseKey key(String url) {
        return DatabaseKey.of(BY_URL, DatabaseUrl.parse(url));
    }
}
