package vn.motcua.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's signature of a callback: HMAC-SHA256 with the shared secret over the canonical string
 * {@code paymentRef|transactionId|amount|status|timestamp|nonce} (UTF-8, fields in this order, joined by
 * {@code |}), as lower-case hex (docs/fees.md). Also signs our calls to the gateway over
 * {@code merchantId|paymentRef|amount}.
 */
public final class CallbackSignature {
  private CallbackSignature() {}

  public static String canonical(String reference, String transactionId, long amount, String status,
      long timestamp, String nonce) {
    return String.join("|", reference, transactionId == null ? "" : transactionId, Long.toString(amount), status,
        Long.toString(timestamp), nonce);
  }

  public static String sign(String secret, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code signature} is the signature of {@code canonical}; in constant time. */
  public static boolean verify(String secret, String canonical, String signature) {
    if (signature == null) {
      return false;
    }
    byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }
}
