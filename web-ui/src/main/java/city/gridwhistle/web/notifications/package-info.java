/**
 * Being told, over HTTP: a rider's inbox ({@code /api/notifications}, paged, mark read, live as Server-Sent
 * Events) and the administrators' partner-platform webhooks ({@code /api/admin/webhooks}).
 */
package city.gridwhistle.web.notifications;
