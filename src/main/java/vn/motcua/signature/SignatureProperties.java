package vn.motcua.signature;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agencies' signing keys, prefix {@code motcua.signature} (docs/signatures.md).
 *
 * @param agencies per agency key (e.g. {@code tq-minhxuan}): the PKCS#12 keystore holding that agency's
 *     certificate and private key
 * @param defaultKey an optional keystore for the agencies that have none of their own (one certificate of the
 *     province's People's Committee, for instance); empty: none
 * @param location the place written in each signature (e.g. {@code Tuyên Quang})
 * @param demoKeyDir where the demo profile keeps the self-signed demo keys it generates; default
 *     {@code ${motcua.data-dir}/demo-keys}. Never used outside the demo profile.
 */
@ConfigurationProperties("motcua.signature")
public record SignatureProperties(Map<String, Keystore> agencies, Keystore defaultKey, String location,
    Path demoKeyDir) {

  public SignatureProperties {
    agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    location = location == null || location.isBlank() ? "Việt Nam" : location;
    demoKeyDir = demoKeyDir == null ? Path.of("data", "demo-keys") : demoKeyDir;
  }

  /**
   * A PKCS#12 keystore.
   *
   * @param file the {@code .p12} / {@code .pfx} file
   * @param password its password (from an environment variable or a secret store, never committed)
   * @param alias the entry to use; empty: the first entry with a private key
   */
  public record Keystore(Path file, String password, String alias) {}
}
