package city.gridwhistle.api.rider;

/**
 * A rider registered under a pseudonymous handle. The handle is personal: events recorded since decision 0046
 * carry it sealed under the rider's own key ({@code sealedHandle}, field {@link #HANDLE}), so that erasing the rider
 * leaves it unreadable; events recorded before carry it in plain ({@code handle}) and are never rewritten.
 *
 * @param handle       the handle in plain: events recorded before decision 0046 only, null since
 * @param sealedHandle the handle sealed under the rider's key (base64); null in events recorded before
 */
public record RiderRegisteredEvent(String riderId, String handle, String platform, String districtCode,
                                   String sealedHandle) {

    /** The field the handle is sealed for. */
    public static final String HANDLE = "handle";
}
