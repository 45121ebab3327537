/**
 * How request bodies are read: JSON of exactly the documented shape and types, nothing converted (decision 0047).
 * Writing, and the mappers that read stored events and index documents, are not touched.
 */
package city.gridwhistle.web.json;
