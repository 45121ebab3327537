/** Live updates over Server-Sent Events, fed by Axon subscription queries. */
package city.gridwhistle.web.live;
