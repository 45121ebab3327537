/** The supervisors' dashboards over HTTP: performance figures and ranking, trend, heat map. */
package city.gridwhistle.web.dashboards;
