/** Grid workers' duty: going on and off duty changes who routing may choose. */
package city.gridwhistle.web.workers;
