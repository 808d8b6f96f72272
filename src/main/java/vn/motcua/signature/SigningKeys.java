package vn.motcua.signature;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * Which key signs for an agency: its own keystore ({@code motcua.signature.agencies.<key>}), else the
 * province's default keystore ({@code motcua.signature.default-key}), else — in the demo profile only — a
 * generated self-signed demo key. With none of these the agency cannot sign and
 * {@link SigningKeyMissingException} says so; nothing is issued unsigned. The configured keystores are read
 * at start-up, so a wrong path or password stops the start with the reason.
 */
@Service
public class SigningKeys {
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private final Map<String, SigningKey> configured = new ConcurrentHashMap<>();
  private final SigningKey defaultKey;
  private final DemoSigningKeys demo;

  public SigningKeys(SignatureProperties properties, OrganisationDirectory directory,
      ObjectProvider<DemoSigningKeys> demo) {
    this.demo = demo.getIfAvailable();
    properties.agencies().forEach((agency, settings) -> {
      if (directory.find(agency).isEmpty()) {
        throw new IllegalStateException("motcua.signature.agencies." + agency + ": no such agency in the organisation");
      }
      configured.put(agency, Keystores.load(agency, settings, false));
    });
    this.defaultKey = properties.defaultKey() == null || properties.defaultKey().file() == null ? null
        : Keystores.load("default", properties.defaultKey(), false);
    configured.values().forEach(k -> log.info("Signing key of {}: {} (valid until {})", k.agency(),
        k.certificate().getSubjectX500Principal().getName(), k.certificate().getNotAfter()));
    if (defaultKey == null && this.demo == null) {
      String without = directory.agencies().stream().map(Agency::key).filter(k -> !configured.containsKey(k)).toList()
          .toString();
      if (!"[]".equals(without)) {
        log.warn("No signing certificate installed for {}: their results and forms 01/04 cannot be issued until one"
            + " is (motcua.signature.agencies.<key>, docs/signatures.md)", without);
      }
    }
  }

  /** The key that signs for this agency. */
  public SigningKey forAgency(String agency) {
    SigningKey own = configured.get(agency);
    if (own != null) {
      return own;
    }
    if (defaultKey != null) {
      return defaultKey;
    }
    if (demo != null) {
      return configured.computeIfAbsent(agency, demo::forAgency);
    }
    throw new SigningKeyMissingException(agency);
  }
}
