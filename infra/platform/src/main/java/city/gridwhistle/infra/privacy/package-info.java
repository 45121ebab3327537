/**
 * Crypto-shredding, knowing nothing of whose data it is: a key per subject id, wrapped by a master key that stays
 * out of the database; values sealed with it (AES-GCM, the subject and field bound in); and the mark left when a
 * key is destroyed, by which both sides tell an erased value from a broken one (decisions 0011, 0046).
 */
package city.gridwhistle.infra.privacy;
