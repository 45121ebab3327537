package city.gridwhistle.api.readmodel;

/** How the latest rebuild of a read model is going; answered with a {@link RebuildProgress}. */
public record FindRebuildProgressQuery(String readModel) {
}
