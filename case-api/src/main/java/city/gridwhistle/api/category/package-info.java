/**
 * Administering the category catalogue: changing a category's urgency, time limits, duplicate radius and whether it
 * is offered, as events with their audit trail (decision 0025).
 */
package city.gridwhistle.api.category;
