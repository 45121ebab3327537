package city.gridwhistle.web.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.HttpResponseInterceptor;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code gridwhistle.elasticsearch.requests}: the time of every request to Elasticsearch that got an answer, by
 * operation ({@code bulk} for the projections' writes, {@code search}, {@code get}, {@code other}) and status. Measured
 * on the low-level client, so the projections, queries and rebuilds are all counted without knowing about it. A
 * request that got no answer (node down) is not timed; it shows as the processors' retries and lag instead.
 */
@Configuration
class ElasticsearchRequestTimer {

    private static final String STARTED = ElasticsearchRequestTimer.class.getName() + ".started";
    private static final String OPERATION = ElasticsearchRequestTimer.class.getName() + ".operation";

    @Bean
    RestClientBuilderCustomizer timeElasticsearchRequests(MeterRegistry registry) {
        return new RestClientBuilderCustomizer() {
            @Override
            public void customize(org.elasticsearch.client.RestClientBuilder builder) {
                // everything happens on the HTTP client below
            }

            @Override
            public void customize(org.apache.http.impl.nio.client.HttpAsyncClientBuilder client) {
                client.addInterceptorFirst((HttpRequestInterceptor) (request, context) -> {
                    context.setAttribute(STARTED, System.nanoTime());
                    context.setAttribute(OPERATION, operation(request.getRequestLine().getUri()));
                });
                client.addInterceptorLast((HttpResponseInterceptor) (response, context) -> {
                    if (context.getAttribute(STARTED) instanceof Long started) {
                        Timer.builder("gridwhistle.elasticsearch.requests")
                                .description("requests to Elasticsearch that got an answer")
                                .tag("operation", String.valueOf(context.getAttribute(OPERATION)))
                                .tag("status", Integer.toString(response.getStatusLine().getStatusCode()))
                                .publishPercentileHistogram()
                                .register(registry)
                                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                    }
                });
            }
        };
    }

    static String operation(String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        if (path.endsWith("/_bulk")) {
            return "bulk";
        }
        if (path.endsWith("/_search") || path.endsWith("/_count")) {
            return "search";
        }
        if (path.contains("/_doc/") || path.endsWith("/_mget")) {
            return "get";
        }
        return "other";
    }
}
