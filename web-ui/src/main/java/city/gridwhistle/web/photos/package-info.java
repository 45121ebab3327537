/** Photo evidence: checked to be an image, stored once under its SHA-256, served back by that hash. */
package city.gridwhistle.web.photos;
