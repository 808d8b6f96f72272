package vn.motcua.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.springframework.stereotype.Component;

/**
 * Checks the signatures of a PDF: each signature's CMS verifies over its byte ranges with the certificate it
 * carries, the ESS signing-certificate-v2 attribute names that certificate, and the last signature covers the
 * whole file (nothing was appended after it). Whether the certificate is one the reader trusts is the reader's
 * business: {@link Check#certificate()} is returned for that.
 */
@Component
public class PdfSignatures {

  /**
   * One signature of the file.
   *
   * @param intact the CMS signature verifies over the signed bytes with the embedded certificate
   * @param coversWholeFile the signed byte ranges reach the end of the file
   * @param signer the certificate's common name
   * @param signedAt the time in the signature dictionary
   * @param subFilter e.g. {@code ETSI.CAdES.detached} (PAdES)
   * @param problem why it does not verify, or {@code null}
   */
  public record Check(boolean intact, boolean coversWholeFile, String signer, Instant signedAt, String subFilter,
      X509Certificate certificate, String problem) {
    public boolean valid() {
      return intact && coversWholeFile;
    }
  }

  /** Every signature of the PDF, in file order; empty for an unsigned PDF. */
  public List<Check> check(byte[] pdf) {
    List<Check> checks = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDSignature signature : doc.getSignatureDictionaries()) {
        checks.add(check(pdf, signature));
      }
    } catch (IOException e) {
      checks.add(new Check(false, false, null, null, null, null, "Không đọc được tệp PDF: " + e.getMessage()));
    }
    return checks;
  }

  /** Whether the PDF carries at least one signature and every one of them is valid. */
  public boolean allValid(byte[] pdf) {
    List<Check> checks = check(pdf);
    return !checks.isEmpty() && checks.stream().allMatch(Check::valid);
  }

  private static Check check(byte[] pdf, PDSignature signature) {
    int[] range = signature.getByteRange();
    boolean whole = range != null && range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
    Instant at = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    try {
      byte[] contents = signature.getContents(pdf);
      byte[] signed = signature.getSignedContent(pdf);
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
      if (matches.isEmpty()) {
        return new Check(false, whole, null, at, signature.getSubFilter(), null, "Chữ ký không kèm chứng thư số.");
      }
      X509CertificateHolder holder = matches.iterator().next();
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
      boolean intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      String problem = intact ? null : "Chữ ký không khớp với nội dung tệp.";
      if (intact && !namesCertificate(signer, holder)) {
        intact = false;
        problem = "Thuộc tính signing-certificate-v2 không khớp với chứng thư số của chữ ký.";
      }
      if (intact && !whole) {
        problem = "Tệp đã bị thêm nội dung sau khi ký.";
      }
      return new Check(intact, whole, SigningKey.commonName(cert), at, signature.getSubFilter(), cert, problem);
    } catch (CMSException e) {
      return new Check(false, whole, null, at, signature.getSubFilter(), null,
          "Chữ ký không khớp với nội dung tệp (" + e.getMessage() + ").");
    } catch (IOException | CertificateException | OperatorCreationException | RuntimeException e) {
      return new Check(false, whole, null, at, signature.getSubFilter(), null, "Chữ ký không đọc được: " + e.getMessage());
    }
  }

  private static boolean namesCertificate(SignerInformation signer, X509CertificateHolder cert) throws IOException {
    if (signer.getSignedAttributes() == null) {
      return false;
    }
    Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (attribute == null) {
      return false;
    }
    ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
    ESSCertIDv2 id = SigningCertificateV2.getInstance(value).getCerts()[0];
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return MessageDigest.isEqual(hash, id.getCertHash());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 fingerprint of a certificate in hex, as the docs tell a reader to compare it. */
  public static String fingerprint(X509Certificate cert) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
