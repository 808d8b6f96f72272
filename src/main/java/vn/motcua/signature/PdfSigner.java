package vn.motcua.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs a PDF with an agency's key as a PAdES baseline B-B signature: an incremental update with a
 * signature dictionary of sub-filter {@code ETSI.CAdES.detached} whose contents are a detached CMS
 * SignedData over the whole file but the signature itself (SHA-256, the signer's certificate chain, the
 * ESS signing-certificate-v2 attribute, no CMS signing-time: the time is the dictionary's {@code M}).
 * Apache PDFBox writes the PDF; Bouncy Castle makes the CMS.
 */
@Component
public class PdfSigner {
  private final SignatureProperties properties;

  public PdfSigner(SignatureProperties properties) {
    this.properties = properties;
  }

  /**
   * The PDF signed with {@code key} at {@code at}, with the reason shown by PDF readers (Vietnamese, e.g.
   * "Giấy tiếp nhận hồ sơ và hẹn trả kết quả").
   */
  public byte[] sign(byte[] pdf, SigningKey key, String reason, Instant at) {
    try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(key.commonName());
      signature.setLocation(properties.location());
      signature.setReason(reason);
      Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis(at.toEpochMilli());
      signature.setSignDate(when);
      // room for the CMS with a chain of a few certificates
      options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 4);
      doc.addSignature(signature, content -> cms(content, key), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 40_000);
      doc.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot sign the PDF for " + key.agency(), e);
    }
  }

  /** The detached CMS SignedData over the signed byte ranges. */
  static byte[] cms(InputStream content, SigningKey key) throws IOException {
    try {
      X509Certificate cert = key.certificate();
      String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key.privateKey());
      ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
          MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()),
          new IssuerSerial(new GeneralNames(new GeneralName(
              X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber()));
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
      DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(
          new AttributeTable(attributes));
      // PAdES: the signing time is the signature dictionary's M entry, not a CMS attribute
      CMSAttributeTableGenerator signed = parameters -> standard.getAttributes(parameters)
          .remove(CMSAttributes.signingTime);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build()).setSignedAttributeGenerator(signed).build(signer, cert));
      generator.addCertificates(new JcaCertStore(key.chain()));
      CMSSignedData data = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
      return data.getEncoded("DER");
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("Cannot make the CMS signature: " + e.getMessage(), e);
    }
  }
}
