package city.gridwhistle.api.readmodel;

/** Rebuild a read model from the event store into a new index while the old one serves; answered at once. */
public record RebuildReadModelCommand(String readModel) {

    public static final String CASES = "cases";
}
