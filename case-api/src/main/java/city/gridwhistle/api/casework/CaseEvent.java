package city.gridwhistle.api.casework;

/** An event in a case's stream: everything that happens to a case names the case. */
public interface CaseEvent {

    String caseId();
}
