/** Every error as an RFC 9457 problem detail with a stable type and the fields at fault. */
package city.gridwhistle.web.problem;
