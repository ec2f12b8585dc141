package kz.shipcheck.check;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import kz.shipcheck.input.InputRules;

/**
 * The set of declaration ids seen in a batch, for the batch-wide duplicate check, at a fixed cost
 * per id whatever its length: each id is kept as the SHA-256 digest (32 bytes) of its compared form
 * ({@link InputRules#idKey}: trimmed, NFC), the digests one after another in a single growing
 * array, found through an open-addressing table of their positions. Each id costs 32 bytes plus 8
 * to 16 for the table (kept between a quarter and half full), 40 to 48 bytes, and at most twice
 * that while an array doubles: 3,000 ids of 65,000 characters take some 150 KB instead of the 195
 * MB (in an array of 256 MB) it took to keep them whole.
 *
 * <p>Two different ids share a digest only if SHA-256 collides, which no one has ever made happen
 * (a chance of about 2<sup>-256</sup> per pair; a billion ids make about 2<sup>-197</sup>). The
 * digest is taken over the id's UTF-16 code units, two bytes each, which is defined for every Java
 * string: ids with lone surrogate halves (refused by the reader, but not by this set) never become
 * the same bytes, as they did in UTF-8, where each became {@code ?}. Not thread-safe.
 */
final class IdSet {
  private static final int DIGEST = 32;

  private final MessageDigest sha256;
  private byte[] digests = new byte[DIGEST * 64];
  private int[] slots = new int[1 << 8]; // index + 1 of the digest; 0 = empty slot
  private int size;

  IdSet() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Adds the id; false when it, in its compared form, was already there. */
  boolean add(String id) {
    byte[] digest = digest(InputRules.idKey(id));
    int hash = hashOf(digest, 0);
    int mask = slots.length - 1;
    for (int i = hash & mask; slots[i] != 0; i = (i + 1) & mask) {
      int at = (slots[i] - 1) * DIGEST;
      if (Arrays.equals(digests, at, at + DIGEST, digest, 0, DIGEST)) {
        return false;
      }
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    if ((size + 1) * DIGEST > digests.length) {
      long grown = (long) digests.length * 2;
      if (grown > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more declaration ids than one batch can track");
      }
      digests = Arrays.copyOf(digests, (int) grown);
    }
    System.arraycopy(digest, 0, digests, size * DIGEST, DIGEST);
    size++;
    place(size, hash);
    return true;
  }

  int size() {
    return size;
  }

  /** Bytes the set holds in its arrays, whatever the ids' lengths. */
  long footprintBytes() {
    return digests.length + 4L * slots.length;
  }

  void clear() {
    Arrays.fill(slots, 0);
    size = 0;
  }

  private byte[] digest(String key) {
    byte[] units = new byte[key.length() * 2];
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      units[2 * i] = (byte) (c >>> 8);
      units[2 * i + 1] = (byte) c;
    }
    return sha256.digest(units);
  }

  /** The digest's first four bytes: already uniformly spread, no mixing needed. */
  private static int hashOf(byte[] digest, int at) {
    return (digest[at] & 0xff) << 24
        | (digest[at + 1] & 0xff) << 16
        | (digest[at + 2] & 0xff) << 8
        | (digest[at + 3] & 0xff);
  }

  private void place(int indexPlusOne, int hash) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = indexPlusOne;
  }

  private void grow() {
    int[] old = slots;
    slots = new int[old.length * 2];
    for (int indexPlusOne : old) {
      if (indexPlusOne != 0) {
        place(indexPlusOne, hashOf(digests, (indexPlusOne - 1) * DIGEST));
      }
    }
  }
}
