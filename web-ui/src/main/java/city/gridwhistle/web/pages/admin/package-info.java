/**
 * The administrators' pages: accounts, the grid and its workers, categories with their time limits, rider stations
 * and partners' API keys. They read through the query gateway (and the account and key stores of the security
 * layer); every change goes through the JSON API, called by the pages' scripts with the session.
 */
package city.gridwhistle.web.pages.admin;
