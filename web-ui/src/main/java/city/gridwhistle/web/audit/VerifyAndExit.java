package city.gridwhistle.web.audit;

import city.gridwhistle.infra.audit.AuditVerifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verifier from the command line: {@code java -jar gridwhistle.jar --gridwhistle.audit.verify-and-exit=true}
 * prints the report as JSON and exits 0 when everything matches, 3 when something does not.
 */
@Component
@ConditionalOnProperty(name = "gridwhistle.audit.verify-and-exit", havingValue = "true")
class VerifyAndExit implements ApplicationRunner {

    private static final int TAMPERED = 3;

    private final AuditVerifier verifier;
    private final ApplicationContext context;
    private final ObjectMapper json;

    VerifyAndExit(AuditVerifier verifier, ApplicationContext context, ObjectMapper json) {
        this.verifier = verifier;
        this.context = context;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        AuditVerifier.Report report = verifier.verifyAll();
        System.out.println(json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        int code = report.intact() ? 0 : TAMPERED;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
