package vn.motcua.dossier;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes of the short secrets of the public lookup (the six-digit PIN printed on the receipt, the one-time
 * code sent by SMS): PBKDF2-HMAC-SHA256 with a random salt per secret, written
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. Six digits are few, so the hash only makes a copy of the
 * database costly to turn back into PINs (a million guesses of {@value #ITERATIONS} iterations per dossier);
 * online, the lookup's throttle limits the guesses.
 */
public final class LookupPins {
  static final int ITERATIONS = 20_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "pbkdf2-sha256$";

  private LookupPins() {}

  /** Six random digits. */
  public static String newPin() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  public static String hash(String secret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PREFIX + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
        + Base64.getEncoder().encodeToString(pbkdf2(secret, salt, ITERATIONS));
  }

  /** Whether {@code secret} is the one hashed in {@code stored}; false for a missing or malformed hash. */
  public static boolean matches(String secret, String stored) {
    if (secret == null || stored == null || !stored.startsWith(PREFIX)) {
      return false;
    }
    String[] parts = stored.substring(PREFIX.length()).split("\\$");
    if (parts.length != 3) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[0]);
      byte[] salt = Base64.getDecoder().decode(parts[1]);
      byte[] expected = Base64.getDecoder().decode(parts[2]);
      return MessageDigest.isEqual(expected, pbkdf2(secret, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
