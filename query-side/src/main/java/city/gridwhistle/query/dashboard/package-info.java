/** The performance figures, trend and heat map, as Elasticsearch aggregations over the cases index. */
package city.gridwhistle.query.dashboard;
