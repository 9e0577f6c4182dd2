package dev.switchman.web.ui;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Where a person opens the status page of this running daemon, for {@code serve} to print once it listens. */
public final class StatusPageAddress {

    private StatusPageAddress() {
    }

    /** {@code http://localhost:8080/}: the port the server listens on (the one it chose when told 0). */
    public static String url() {
        Config config = ConfigProvider.getConfig();
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port + "/";
    }
}
