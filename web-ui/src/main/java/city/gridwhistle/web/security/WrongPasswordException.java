package city.gridwhistle.web.security;

/** The current password given with a change is not the account's: nothing changed. */
public class WrongPasswordException extends RuntimeException {

    WrongPasswordException() {
        super("the current password is wrong");
    }
}
