/**
 * Who is acting. Until sign-in exists (issue #4), the caller names itself in the {@code X-Actor-Id} and
 * {@code X-Actor-Role} headers; this package is the one place that changes when authentication arrives.
 */
package city.gridwhistle.web.actor;
