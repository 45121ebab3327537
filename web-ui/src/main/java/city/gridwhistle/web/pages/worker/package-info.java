/**
 * The grid worker's pages: the inbox of their open cases, soonest due first and live; a map of their cells with the
 * cases on it; a case page offering the actions its state allows (accept, start, note, resolve with an after-photo,
 * transfer to another cell); going on and off duty.
 */
package city.gridwhistle.web.pages.worker;
