/** Who is acting: the signed-in caller as the domain's {@link city.gridwhistle.api.shared.Actor}. */
package city.gridwhistle.web.actor;
