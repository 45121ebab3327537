package city.gridwhistle.api.dashboard;

/**
 * One unit's figures (docs/metrics.md). Rates are null when their denominator is zero.
 *
 * @param rank the unit's place in the ranking (1 = best); 0 for the totals
 */
public record UnitPerformance(
        String unitCode,
        String unitName,
        int rank,
        long reported,
        long registered,
        long registeredOnTime,
        Double onTimeRegistrationRate,
        long dispatched,
        long dispatchedAccurately,
        Double accurateDispatchRate,
        long handled,
        long handledOnTime,
        Double onTimeHandlingRate,
        long reworked,
        Double reworkRate,
        Double averageHandlingHours,
        long closed,
        long closedOnTime,
        long dueToClose,
        Double closingRate,
        Double onTimeClosingRate) {
}
