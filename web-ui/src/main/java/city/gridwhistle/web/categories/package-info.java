/** Administrators' category catalogue: the rules in force, changed with a reason, and the trail of changes. */
package city.gridwhistle.web.categories;
