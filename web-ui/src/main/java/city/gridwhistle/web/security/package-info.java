/**
 * Who is calling, and what they may reach: accounts with hashed passwords and lock-out, session sign-in with CSRF
 * for pages, expiring bearer tokens for apps and API clients, hashed and revocable API keys for partners, a rate
 * limit on filing, and the audit metadata every command carries. What a caller may see of the data is decided
 * where the data is read (the query side), with the caller passed along.
 */
package city.gridwhistle.web.security;
