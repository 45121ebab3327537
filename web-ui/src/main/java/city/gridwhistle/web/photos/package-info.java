/**
 * Photo evidence: checked to be an image, stripped of its metadata and checked for its size in pixels (both from its
 * structure, without decoding it), stored once under its SHA-256, served back by that hash.
 */
package city.gridwhistle.web.photos;
