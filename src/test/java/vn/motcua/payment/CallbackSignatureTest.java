package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gateway's signature: HMAC-SHA256 over the canonical string of docs/fees.md, checked in constant time. */
class CallbackSignatureTest {
  @Test
  void the_canonical_string_joins_the_fields_in_the_documented_order() {
    assertThat(CallbackSignature.canonical("LP1", "GW9", 200000, "PAID", 1772503200L, "n-1"))
        .isEqualTo("LP1|GW9|200000|PAID|1772503200|n-1");
    assertThat(CallbackSignature.canonical("LP1", null, 200000, "CANCELLED", 1L, "n")).isEqualTo("LP1||200000|CANCELLED|1|n");
  }

  @Test
  void a_signature_verifies_and_any_change_of_field_secret_or_signature_fails() {
    String canonical = CallbackSignature.canonical("LP1", "GW9", 200000, "PAID", 1772503200L, "n-1");
    String signature = CallbackSignature.sign("s3cret", canonical);
    // RFC 2104 HMAC-SHA256 as lower-case hex: 64 characters
    assertThat(signature).matches("[0-9a-f]{64}");
    assertThat(CallbackSignature.verify("s3cret", canonical, signature)).isTrue();
    assertThat(CallbackSignature.verify("s3cret", canonical, signature.toUpperCase())).as("hex in capitals").isTrue();
    assertThat(CallbackSignature.verify("other", canonical, signature)).isFalse();
    assertThat(CallbackSignature.verify("s3cret", canonical.replace("200000", "2000"), signature)).isFalse();
    assertThat(CallbackSignature.verify("s3cret", canonical, null)).isFalse();
    assertThat(CallbackSignature.verify("s3cret", canonical, signature.substring(1))).isFalse();
  }

  @Test
  void the_signature_of_a_known_input_matches_an_independent_hmac() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("key".getBytes(), "HmacSHA256"));
    String expected = java.util.HexFormat.of().formatHex(
        mac.doFinal("The quick brown fox jumps over the lazy dog".getBytes()));
    // the published RFC 4231-style example value for this pair
    assertThat(expected).isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    assertThat(CallbackSignature.sign("key", "The quick brown fox jumps over the lazy dog")).isEqualTo(expected);
  }
}
