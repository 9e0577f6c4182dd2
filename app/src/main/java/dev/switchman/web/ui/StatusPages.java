package dev.switchman.web.ui;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.source.DesiredStateHolder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The status page: {@code GET /} (every environment) and {@code GET /environments/{project}/{environment}} (one,
 * a deep link). HTML rendered on the server from the same records the status API reads; each answer says in a
 * {@code Server-Timing} header how long reading the records and rendering the template took.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StatusPages {

    /**
     * What a page may load and run: its own files and the status API only, nothing from elsewhere, no inline
     * script or style (the pages have none: the SVG is styled by class from {@code /ui/switchman.css}), and no
     * framing by another site. Text that a page shows but should not have (a message quoting HTML) can do nothing.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    /** The templates under {@code templates/StatusPages/}, checked against these types when the application builds. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Overview overview, boolean actions);

        static native TemplateInstance environment(EnvironmentPage page, boolean actions);

        static native TemplateInstance notFound(String name, String reason);
    }

    private final DesiredStateHolder holder;
    private final OverviewReader overviews;
    private final EnvironmentPageReader environments;
    private final boolean actions;

    public StatusPages(DesiredStateHolder holder, OverviewReader overviews, EnvironmentPageReader environments,
            SwitchmanConfig config) {
        this.holder = holder;
        this.overviews = overviews;
        this.environments = environments;
        // the token field is offered only when the mutating endpoints are on; the page never sees the token itself
        this.actions = config.api().token().filter(t -> !t.isBlank()).isPresent();
    }

    @GET
    public Response overview() {
        return timed(() -> overviews.read(Instant.now()), overview -> Templates.overview(overview, actions));
    }

    @GET
    @Path("environments/{project}/{environment}")
    public Response environment(@PathParam("project") String project, @PathParam("environment") String environment) {
        String name = project + "/" + environment;
        Optional<DesiredState> state = holder.current();
        Optional<DesiredEnvironment> declared = state.flatMap(s -> s.environments().stream()
                .filter(e -> e.qualifiedName().equals(name)).findFirst());
        if (declared.isEmpty()) {
            String reason = state.isEmpty() ? "no valid desired state is loaded yet"
                    : "the desired state in force declares no environment " + name;
            return guarded(Response.status(Response.Status.NOT_FOUND).type(HTML)
                    .entity(Templates.notFound(name, reason).render()));
        }
        return timed(() -> environments.read(state.get(), declared.get(), Instant.now()),
                page -> Templates.environment(page, actions));
    }

    /** The page with {@code Server-Timing: read;dur=…, render;dur=…}: the store and the template, in milliseconds. */
    private static <T> Response timed(Supplier<T> read, Function<T, TemplateInstance> template) {
        long started = System.nanoTime();
        T model = read.get();
        long readAt = System.nanoTime();
        String html = template.apply(model).render();
        long renderedAt = System.nanoTime();
        return guarded(Response.ok(html, HTML).header("Server-Timing", String.format(Locale.ROOT,
                "read;dur=%.2f, render;dur=%.2f", (readAt - started) / 1e6, (renderedAt - readAt) / 1e6)));
    }

    /**
     * Every page with its {@link #POLICY}, never cached (it is live state) and never sniffed as another type.
     */
    private static Response guarded(Response.ResponseBuilder page) {
        return page.header("Cache-Control", "no-store").header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
