package city.gridwhistle.infra.axon;

import city.gridwhistle.infra.audit.AuditVerifier;
import city.gridwhistle.infra.audit.ChainingEventStorageEngine;
import city.gridwhistle.infra.audit.Checkpoints;
import city.gridwhistle.infra.audit.SequenceWitness;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's JDBC event storage engine and token store on our Flyway schema ({@code V1__event_store.sql}: Axon never
 * creates or changes these tables), with the hash chain in front of the engine.
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
public class AxonJdbcSchemaAutoConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC engine on our schema (its endless tail read cut into slices, see
     * {@link SlicedTailJdbcEventStorageEngine}), behind the hash chain: every event appended gets its place in its
     * aggregate's chain (see {@link ChainingEventStorageEngine}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 DataSource dataSource) {
        EventStorageEngine jdbcEngine = new SlicedTailJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema));
        return new ChainingEventStorageEngine(jdbcEngine, eventSerializer, new JdbcTemplate(dataSource));
    }

    static final long LAGGING_STREAM_CLEANUP_MILLIS = 1_000;

    /**
     * Axon's event store as its auto-configuration builds it, but with streams that lag behind the shared cache
     * moved to streams of their own every second instead of every ten. The store keeps the events it reads ahead
     * for the processors in a linked list; a processor busy with a batch still holds its place in that list, and
     * with it every event read after it. While processors catch up (after an outage, with a large store) the
     * store reads tens of thousands of events a second, so ten seconds of them filled a 1 GB heap (decision 0028).
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cleanupDelay(LAGGING_STREAM_CLEANUP_MILLIS)
                .build();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    public Checkpoints auditCheckpoints(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new Checkpoints(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager));
    }

    /** The verifier; an aggregate's check also asks every {@link SequenceWitness} the application has. */
    @Bean
    public AuditVerifier auditVerifier(DataSource dataSource, PlatformTransactionManager transactionManager,
                                       Checkpoints checkpoints, ObjectProvider<SequenceWitness> witnesses) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        return new AuditVerifier(new JdbcTemplate(dataSource), readOnly, checkpoints,
                witnesses.orderedStream().toList());
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
