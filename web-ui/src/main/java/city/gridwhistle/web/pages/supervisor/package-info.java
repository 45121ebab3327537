/**
 * The supervisor's pages (also open to administrators): performance dashboards with charts and a heat map, case
 * search with every filter, a case's audit timeline with its state as of any moment and its chain verified, and the
 * queues that need a supervisor (escalated, parked, awaiting a supervisor, overdue).
 */
package city.gridwhistle.web.pages.supervisor;
