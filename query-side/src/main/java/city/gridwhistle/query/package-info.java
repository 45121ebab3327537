/** The query side: projections of the event store into Elasticsearch and the query handlers that read them. */
package city.gridwhistle.query;
