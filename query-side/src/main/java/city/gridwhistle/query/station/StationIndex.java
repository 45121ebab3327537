package city.gridwhistle.query.station;

import city.gridwhistle.query.AliasedIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.stereotype.Component;

/** The {@code stations} alias and the versioned index behind it, from {@code elasticsearch/stations-index.json}. */
@Component
public class StationIndex extends AliasedIndex {

    public static final String ALIAS = "stations";
    static final String FIRST_INDEX = "stations-v1";
    static final String DEFINITION = "elasticsearch/stations-index.json";

    public StationIndex(ElasticsearchClient client) {
        super(client, ALIAS, FIRST_INDEX, DEFINITION);
    }
}
