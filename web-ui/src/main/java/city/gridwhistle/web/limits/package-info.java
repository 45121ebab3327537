/** Limits a hostile or careless caller cannot walk around: body sizes, and request rates shared by every instance. */
package city.gridwhistle.web.limits;
