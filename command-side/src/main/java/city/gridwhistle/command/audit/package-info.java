/** The access log of case histories: who viewed or exported which case's history, one stream per case. */
package city.gridwhistle.command.audit;
