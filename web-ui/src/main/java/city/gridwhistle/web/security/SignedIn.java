package city.gridwhistle.web.security;

import java.io.Serializable;

/**
 * What a sign-in remembers beside who signed in: the account's access version at that moment. A session whose
 * version is not the account's any more has ended ({@link SessionAccountCheck}). Kept as the authentication's
 * details.
 */
record SignedIn(long accessVersion) implements Serializable {
}
