package city.gridwhistle.api.casework;

import city.gridwhistle.api.shared.NoSuchRecordException;

/**
 * There is no such case for the caller: either none has the id, or they may not see it. The two answer alike on
 * purpose (404), so that no refusal tells a caller that a case exists, in which state, or what could be done to it.
 */
public class NoSuchCaseException extends NoSuchRecordException {

    public NoSuchCaseException() {
        super("case");
    }
}
