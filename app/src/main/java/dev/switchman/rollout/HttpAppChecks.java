package dev.switchman.rollout;

import dev.switchman.desired.VerificationSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** {@link AppChecks} over the JDK HTTP client: a GET per check, each with the spec's timeout. */
public final class HttpAppChecks implements AppChecks {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(DEFAULT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Override
    public List<CheckResult> round(String baseUrl, VerificationSpec spec) {
        Duration timeout = spec.timeout() == null ? DEFAULT_TIMEOUT : spec.timeout();
        return spec.checks().stream().map(check -> CheckEvaluator.evaluate(check, get(join(baseUrl, check.path()), timeout)))
                .toList();
    }

    private HttpObservation get(String url, Duration timeout) {
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                    .header("User-Agent", "switchman-verify").build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpObservation(response.statusCode(), response.body(), since(started), null);
        } catch (IOException e) {
            return HttpObservation.noAnswer(e.getClass().getSimpleName(), since(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpObservation.noAnswer("interrupted", since(started));
        } catch (IllegalArgumentException e) {
            return HttpObservation.noAnswer("bad URL " + url, since(started));
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static String join(String base, String path) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return left + (path.startsWith("/") ? path : "/" + path);
    }
}
