package city.gridwhistle.query.station;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads and writes station documents through the {@link StationIndex#ALIAS} alias. */
@Component
public class StationDocumentStore {

    private static final int VERSION_CONFLICT = 409;

    private final ElasticsearchClient client;
    private final StationIndex index;

    public StationDocumentStore(ElasticsearchClient client, StationIndex index) {
        this.client = client;
        this.index = index;
    }

    /** Real-time: sees a write at once, without waiting for a refresh. */
    public Optional<StationDocument> find(String stationId) {
        index.ensureReady();
        try {
            var response = client.get(g -> g.index(StationIndex.ALIAS).id(stationId), StationDocument.class);
            return Optional.ofNullable(response.found() ? response.source() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Versioned externally by the last event's sequence number. A version conflict means a newer state is already
     * indexed (a redelivered or replayed event): nothing to do.
     */
    public void save(StationDocument document) {
        index.ensureReady();
        try {
            client.index(i -> i.index(StationIndex.ALIAS).id(document.stationId).version(document.version)
                    .versionType(VersionType.External).document(document));
        } catch (ElasticsearchException e) {
            if (e.status() != VERSION_CONFLICT) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
