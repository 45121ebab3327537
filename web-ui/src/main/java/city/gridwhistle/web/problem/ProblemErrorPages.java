package city.gridwhistle.web.problem;

import city.gridwhistle.web.open311.Open311Errors;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors raised before a request reaches the application are problem details too: requests Spring Security's
 * firewall rejects (encoded slashes, semicolons, …) and those Tomcat itself refuses (a NUL in the path, a request
 * line too long), which would otherwise be answered with Tomcat's HTML page or Boot's error JSON.
 */
@Configuration
class ProblemErrorPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    RequestRejectedHandler requestRejectedAsProblem() {
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                write(response, HttpStatus.BAD_REQUEST, "the request was rejected: " + firstLine(rejected.getMessage()),
                        request.getRequestURI());
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorsAsProblems() {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standardHost) {
                standardHost.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail, String path) throws IOException {
        if (path != null && path.startsWith("/open311/")) {
            // Open311 clients read only the specification's errors, whoever refused the request
            ResponseEntity<String> error = Open311Errors.error(path, status, detail);
            response.setStatus(status.value());
            response.setContentType(String.valueOf(error.getHeaders().getContentType()));
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(error.getBody().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemDetails.TYPE_BASE + "http-" + status.value()));
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        // the firewall's message quotes the offending URL; keep only why
        int quote = message.indexOf('"');
        return (quote > 0 ? message.substring(0, quote) : message).strip();
    }

    /** Tomcat's own error page (it runs for errors the application never saw), as a problem detail. */
    static final class ProblemReportValve extends ErrorReportValve {

        ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            try {
                response.resetBuffer();
                write(response.getResponse(), known == null ? HttpStatus.BAD_REQUEST : known,
                        known != null && known.is4xxClientError() ? "the request is malformed"
                                : "the request could not be completed", request.getRequestURI());
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client went away or the response is gone: nothing left to tell
            }
        }
    }
}
