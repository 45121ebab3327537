/** The figures supervisors are judged by (绩效评价), their trend over time and the heat map; see docs/metrics.md. */
package city.gridwhistle.api.dashboard;
