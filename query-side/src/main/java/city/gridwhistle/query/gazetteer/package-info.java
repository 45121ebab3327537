/** The grid's gazetteer: cells and communities by name, to locate an address that names one of them. */
package city.gridwhistle.query.gazetteer;
