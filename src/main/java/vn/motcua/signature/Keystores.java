package vn.motcua.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads a signing key from a PKCS#12 keystore. */
final class Keystores {
  private Keystores() {}

  static SigningKey load(String agency, SignatureProperties.Keystore settings, boolean demo) {
    if (settings == null || settings.file() == null) {
      throw new IllegalStateException("No keystore file configured for " + agency);
    }
    char[] password = settings.password() == null ? new char[0] : settings.password().toCharArray();
    try (InputStream in = Files.newInputStream(settings.file())) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      String alias = settings.alias();
      if (alias == null || alias.isBlank()) {
        alias = Collections.list(ks.aliases()).stream().filter(a -> isKey(ks, a)).findFirst()
            .orElseThrow(() -> new IllegalStateException("The keystore " + settings.file() + " of " + agency
                + " holds no private key"));
      }
      Key key = ks.getKey(alias, password);
      if (!(key instanceof PrivateKey privateKey)) {
        throw new IllegalStateException("Entry '" + alias + "' of " + settings.file() + " (" + agency
            + ") is not a private key");
      }
      Certificate[] chain = ks.getCertificateChain(alias);
      if (chain == null || chain.length == 0) {
        throw new IllegalStateException("Entry '" + alias + "' of " + settings.file() + " (" + agency
            + ") has no certificate");
      }
      List<X509Certificate> certs = new ArrayList<>();
      for (Certificate c : chain) {
        certs.add((X509Certificate) c);
      }
      return new SigningKey(agency, privateKey, certs, demo);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the signing keystore " + settings.file() + " of " + agency + ": "
          + e.getMessage(), e);
    }
  }

  private static boolean isKey(KeyStore ks, String alias) {
    try {
      return ks.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
