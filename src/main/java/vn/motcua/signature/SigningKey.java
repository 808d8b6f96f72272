package vn.motcua.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * An agency's key for electronic signatures: the private key and its certificate chain (signer first).
 *
 * @param agency the agency key the signature is made for
 * @param demo whether this is a self-signed demo key (demo profile only)
 */
public record SigningKey(String agency, PrivateKey privateKey, List<X509Certificate> chain, boolean demo) {
  public SigningKey {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("A signing key needs its certificate");
    }
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The certificate subject's common name (the agency's name in its certificate). */
  public String commonName() {
    return commonName(certificate());
  }

  static String commonName(X509Certificate cert) {
    X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    return name.getRDNs(BCStyle.CN).length == 0 ? cert.getSubjectX500Principal().getName()
        : IETFUtils.valueToString(name.getRDNs(BCStyle.CN)[0].getFirst().getValue());
  }
}
