/**
 * The {@code cases} search index: one document per case, written by {@link
 * city.gridwhistle.query.search.CaseSearchProjection} with the case's event sequence number as external version,
 * read by {@link city.gridwhistle.query.search.CaseSearchQueries}.
 */
package city.gridwhistle.query.search;
