package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.Actor;

/** A command to a case by someone: the case checks first that they may see it at all ({@link CaseVisibility}). */
public interface CaseCommand {

    String caseId();

    Actor actor();
}
