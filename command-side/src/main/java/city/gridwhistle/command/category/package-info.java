/** The category catalogue (部件/事件 minor classes) with their rules as data, seeded from a JSON file. */
package city.gridwhistle.command.category;
