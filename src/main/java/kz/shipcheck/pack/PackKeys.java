package kz.shipcheck.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys and signatures for pack files. Keys are the PEM files OpenSSL writes ({@code openssl
 * genpkey -algorithm ed25519}: PKCS#8 private key; {@code openssl pkey -pubout}: X.509 public key);
 * the signature is the raw 64 bytes {@code openssl pkeyutl -sign -rawin} makes, so a user can check
 * a pack with OpenSSL alone. The JDK does Ed25519 itself: no library is needed.
 */
public final class PackKeys {
  private static final String ALGORITHM = "Ed25519";

  private PackKeys() {}

  /** The private key in a PEM file ({@code -----BEGIN PRIVATE KEY-----}). */
  public static PrivateKey privateKey(Path pem) throws PackException {
    byte[] der = der(pem, "PRIVATE KEY");
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new PackException(
          pem.toString(),
          0,
          0,
          "not an Ed25519 private key (openssl genpkey -algorithm ed25519 writes one)");
    }
  }

  /** The public key in a PEM file ({@code -----BEGIN PUBLIC KEY-----}). */
  public static PublicKey publicKey(Path pem) throws PackException {
    byte[] der = der(pem, "PUBLIC KEY");
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new PackException(
          pem.toString(), 0, 0, "not an Ed25519 public key (openssl pkey -pubout writes one)");
    }
  }

  /** The 64-byte signature of the bytes. */
  public static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the signature is this key's over the bytes; a malformed signature is simply false. */
  public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (SignatureException | InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The DER bytes between the PEM lines {@code -----BEGIN label-----} and {@code -----END
   * label-----}.
   */
  private static byte[] der(Path pem, String label) throws PackException {
    String text;
    try {
      if (Files.size(pem) > 64 * 1024) {
        throw new PackException(pem.toString(), 0, 0, "too large for a PEM key");
      }
      text = Files.readString(pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new PackException(pem.toString(), 0, 0, "cannot read the key: " + e.getMessage());
    }
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = text.indexOf(begin);
    int e = b < 0 ? -1 : text.indexOf(end, b);
    if (b < 0 || e < 0) {
      throw new PackException(pem.toString(), 0, 0, "not a PEM file holding '" + begin + "'");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e).trim());
    } catch (IllegalArgumentException x) {
      throw new PackException(pem.toString(), 0, 0, "the PEM body is not Base64");
    }
  }
}
