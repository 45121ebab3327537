/**
 * Duplicates merge, they don't multiply: the open cases by category and place, kept consistent with the events,
 * and the check the intake makes before it opens a new case.
 */
package city.gridwhistle.command.duplicates;
