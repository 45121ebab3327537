/** What a rider sees of their own: the points ledger. */
package city.gridwhistle.web.riders;
