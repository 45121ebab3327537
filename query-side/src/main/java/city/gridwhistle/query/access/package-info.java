/**
 * Who may see which cases, enforced where cases are read: riders the cases they reported or follow (public view),
 * grid workers the cases of their cells, supervisors their district, administrators all.
 */
package city.gridwhistle.query.access;
