package city.gridwhistle.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationResolverTest {

    private final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void aUniqueViolationDeepInTheCauseChainIsADuplicateKey() {
        var wrapped = new RuntimeException("append failed",
                new IllegalStateException("batch", new SQLException("duplicate key value", "23505")));

        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void otherStorageFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new SQLException("connection lost", "08006"))))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
