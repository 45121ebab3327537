/** The riders' leaderboard per district and month, opt-in display names only. */
package city.gridwhistle.query.leaderboard;
