package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;

/**
 * A live view of the cases the viewer may see: as a subscription query, its initial answer is the viewer's open
 * cases, soonest due first (a {@link CaseSearchResult}); every later change to a visible case arrives as a
 * {@link CaseView} (the public view for riders).
 */
public record WatchCasesQuery(Actor viewer) {

    public static final int INITIAL_SIZE = 100;
}
