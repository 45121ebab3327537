/** Administrators erase a rider's personal data on request (PIPL); the erasure is recorded on the rider's stream. */
package city.gridwhistle.web.privacy;
