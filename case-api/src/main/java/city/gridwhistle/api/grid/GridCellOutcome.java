package city.gridwhistle.api.grid;

/** What a {@link DefineGridCellCommand} recorded: a new cell, a redrawn one, or nothing (the cell was already so). */
public enum GridCellOutcome {
    DEFINED,
    REDRAWN,
    UNCHANGED
}
