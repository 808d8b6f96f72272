package vn.motcua.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * Self-signed demo keys, one per agency, generated on first use and kept as PKCS#12 files under
 * {@code motcua.signature.demo-key-dir} (password {@value #PASSWORD}) so that a restart signs with the same
 * certificate. Only with the demo profile ({@code motcua.demo.enabled}): a production system signs with the
 * certificates its province installs (docs/signatures.md), and no key is ever committed.
 */
@Component
@ConditionalOnProperty(name = "motcua.demo.enabled", havingValue = "true")
public class DemoSigningKeys {
  private static final Logger log = LoggerFactory.getLogger(DemoSigningKeys.class);
  static final String PASSWORD = "demo";
  static final String ALIAS = "ky-so";

  private final Path dir;
  private final OrganisationDirectory directory;

  public DemoSigningKeys(SignatureProperties properties, OrganisationDirectory directory) {
    this.dir = properties.demoKeyDir().toAbsolutePath().normalize();
    this.directory = directory;
  }

  /** The agency's demo key: read from its file, or generated and written there the first time. */
  public synchronized SigningKey forAgency(String agency) {
    Path file = dir.resolve(agency.replaceAll("[^A-Za-z0-9._-]", "_") + ".p12");
    SignatureProperties.Keystore settings = new SignatureProperties.Keystore(file, PASSWORD, ALIAS);
    if (!Files.exists(file)) {
      String name = directory.find(agency).map(Agency::name).orElse(agency);
      write(file, name);
      log.warn("Generated a self-signed DEMO signing key for {} at {}: no legal value, demo profile only", agency, file);
    }
    return Keystores.load(agency, settings, true);
  }

  private static void write(Path file, String agencyName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
          .addRDN(BCStyle.C, "VN")
          .addRDN(BCStyle.O, "Một Cửa — khóa thử nghiệm (demo), không có giá trị pháp lý")
          .addRDN(BCStyle.CN, agencyName)
          .build();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert});
      Files.createDirectories(file.getParent());
      Path part = file.resolveSibling(UUID.randomUUID() + ".part");
      try (OutputStream out = Files.newOutputStream(part)) {
        ks.store(out, PASSWORD.toCharArray());
      }
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot generate the demo signing key " + file + ": " + e.getMessage(), e);
    }
  }
}
