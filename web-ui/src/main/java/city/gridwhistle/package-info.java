/** The application: assembles the command side, the query side, the platform and the web layer. */
package city.gridwhistle;
