package city.gridwhistle.api.audit;

/** What someone did with a case's history. */
public enum HistoryAccessAction {
    VIEWED,
    AS_OF,
    DIFF,
    EXPORTED_JSON,
    EXPORTED_CSV,
    EXPORTED_PDF
}
