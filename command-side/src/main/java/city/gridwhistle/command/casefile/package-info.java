/** The case (案卷) aggregate and the intake that turns a filed report into a registered, dispatched case. */
package city.gridwhistle.command.casefile;
