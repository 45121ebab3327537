package city.gridwhistle.api.notify;

import city.gridwhistle.api.shared.Role;

/**
 * A request to confirm a fix, attached to the notification that a case of the rider's was resolved.
 *
 * @param verifyPath    where to answer while awaited ({@code POST}, body {@code {"fixed": true|false, "note": …}}),
 *                      null once no answer is awaited
 * @param checkedByRole the role of whoever checked the fix, once it is checked; never who it was
 */
public record Confirmation(ConfirmationState state, boolean awaited, String verifyPath, Role checkedByRole) {
}
