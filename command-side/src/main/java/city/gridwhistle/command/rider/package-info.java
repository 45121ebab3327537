/** Riders with their points ledger and the policy that credits it, and the rider-station aggregate. */
package city.gridwhistle.command.rider;
