package city.gridwhistle.api.shared;

/**
 * There is no such record (a case, a grid worker, a rider's ledger) for the caller: none has the id, or they may
 * not see it. The two answer alike on purpose (404), so that no refusal tells a caller that it exists.
 */
public class NoSuchRecordException extends RuntimeException {

    public NoSuchRecordException(String what) {
        super("no such " + what);
    }
}
