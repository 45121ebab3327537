/**
 * Deadlines: the work calendar (working periods, weekends, public holidays and make-up working days) that turns a
 * category's time limit into the instant a case step falls due, and into the instant of its early warning.
 */
package city.gridwhistle.command.deadline;
