/** Reading cases back: one by id, or searched by text, status, category, cell and distance. */
package city.gridwhistle.web.cases;
