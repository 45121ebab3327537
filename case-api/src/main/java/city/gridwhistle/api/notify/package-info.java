/**
 * Being told: the rider's inbox of notifications about the cases they follow (status changes in public terms,
 * requests to confirm a fix), and the outbound webhooks that carry each notification to the rider's platform.
 */
package city.gridwhistle.api.notify;
