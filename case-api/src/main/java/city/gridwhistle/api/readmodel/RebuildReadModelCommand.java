package city.gridwhistle.api.readmodel;

/**
 * Rebuild a read model while the old one serves; answered at once. The cases index is replayed from the event
 * store into a new index; the daily figures are computed afresh from the cases index.
 */
public record RebuildReadModelCommand(String readModel) {

    public static final String CASES = "cases";
    public static final String FIGURES = "figures";
}
