package vn.motcua.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;

/** PAdES signing and verification without Spring: a signature verifies, any change to the file fails it. */
class PdfSignatureTest {
  static final Instant AT = Instant.parse("2026-03-02T03:00:00Z");
  static final OrganisationDirectory DIRECTORY = new OrganisationDirectory("Tuyên Quang", List.of(
      new Agency("tq-minhxuan", "000.00.12.H56", "UBND phường Minh Xuân", "Minh Xuân", Agency.Level.COMMUNE,
          Agency.Type.COMMUNE_COMMITTEE, null, List.of(Role.RECEPTION))));

  @TempDir Path dir;

  private final SignatureProperties properties() {
    return new SignatureProperties(Map.of(), null, "Tuyên Quang", dir.resolve("demo-keys"));
  }

  static byte[] plainPdf() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private SigningKey demoKey() {
    return new DemoSigningKeys(properties(), DIRECTORY).forAgency("tq-minhxuan");
  }

  @Test
  void a_signed_pdf_verifies_with_pdfbox_and_bouncy_castle_as_pades() throws Exception {
    SigningKey key = demoKey();
    byte[] signed = new PdfSigner(properties()).sign(plainPdf(), key, "Kết quả giải quyết hồ sơ", AT);

    List<PdfSignatures.Check> checks = new PdfSignatures().check(signed);
    assertThat(checks).singleElement().satisfies(c -> {
      assertThat(c.valid()).isTrue();
      assertThat(c.problem()).isNull();
      assertThat(c.signer()).isEqualTo("UBND phường Minh Xuân");
      assertThat(c.subFilter()).isEqualTo("ETSI.CAdES.detached");
      assertThat(c.signedAt()).isEqualTo(AT);
      assertThat(c.certificate()).isEqualTo(key.certificate());
    });

    // the same check written out with the libraries alone, not through the project's verifier
    try (PDDocument doc = Loader.loadPDF(signed)) {
      PDSignature sig = doc.getLastSignatureDictionary();
      assertThat(sig.getReason()).isEqualTo("Kết quả giải quyết hồ sơ");
      assertThat(sig.getLocation()).isEqualTo("Tuyên Quang");
      int[] range = sig.getByteRange();
      assertThat(range[2] + range[3]).isEqualTo(signed.length);
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(signed)),
          sig.getContents(signed));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder cert = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
          .iterator().next();
      assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();
      assertThat(signer.getSignedAttributes().get(
          org.bouncycastle.asn1.cms.CMSAttributes.signingTime)).as("PAdES: no CMS signing time").isNull();
    }
  }

  @Test
  void a_changed_byte_fails_the_signature() throws Exception {
    byte[] signed = new PdfSigner(properties()).sign(plainPdf(), demoKey(), "Giấy tiếp nhận", AT);
    int[] range;
    try (PDDocument doc = Loader.loadPDF(signed)) {
      range = doc.getLastSignatureDictionary().getByteRange();
    }
    byte[] tampered = signed.clone();
    int inSignedRange = range[1] / 2; // inside the first signed range, before the signature's contents
    tampered[inSignedRange] = (byte) (tampered[inSignedRange] ^ 0x01);
    PdfSignatures verifier = new PdfSignatures();
    assertThat(verifier.allValid(signed)).isTrue();
    assertThat(verifier.allValid(tampered)).isFalse();
  }

  @Test
  void content_appended_after_signing_fails_the_check() throws Exception {
    byte[] signed = new PdfSigner(properties()).sign(plainPdf(), demoKey(), "Giấy tiếp nhận", AT);
    byte[] appended;
    try (PDDocument doc = Loader.loadPDF(signed)) {
      doc.addPage(new PDPage());
      doc.getPages().getCOSObject().setNeedToBeUpdated(true);
      doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      appended = out.toByteArray();
    }
    assertThat(appended.length).isGreaterThan(signed.length);
    List<PdfSignatures.Check> checks = new PdfSignatures().check(appended);
    assertThat(checks).singleElement().satisfies(c -> {
      assertThat(c.intact()).as("the signed bytes themselves are untouched").isTrue();
      assertThat(c.coversWholeFile()).isFalse();
      assertThat(c.valid()).isFalse();
      assertThat(c.problem()).contains("thêm nội dung sau khi ký");
    });
  }

  @Test
  void an_unsigned_pdf_is_not_valid() throws Exception {
    assertThat(new PdfSignatures().check(plainPdf())).isEmpty();
    assertThat(new PdfSignatures().allValid(plainPdf())).isFalse();
  }

  @Test
  void an_installed_pkcs12_keystore_signs_for_its_agency_and_a_missing_one_refuses() throws Exception {
    // a province's keystore: here the demo generator's file, installed as a real one would be
    demoKey();
    Path p12 = Files.list(dir.resolve("demo-keys")).findFirst().orElseThrow();
    SignatureProperties installed = new SignatureProperties(
        Map.of("tq-minhxuan", new SignatureProperties.Keystore(p12, "demo", null)), null, "Tuyên Quang", dir);
    SigningKeys keys = new SigningKeys(installed, DIRECTORY, new StaticListableBeanFactory().getBeanProvider(
        DemoSigningKeys.class));
    SigningKey key = keys.forAgency("tq-minhxuan");
    assertThat(key.demo()).isFalse();
    assertThat(new PdfSignatures().allValid(new PdfSigner(installed).sign(plainPdf(), key, "Thử", AT))).isTrue();

    SigningKeys none = new SigningKeys(new SignatureProperties(Map.of(), null, null, dir), DIRECTORY,
        new StaticListableBeanFactory().getBeanProvider(DemoSigningKeys.class));
    assertThatThrownBy(() -> none.forAgency("tq-minhxuan")).isInstanceOf(SigningKeyMissingException.class)
        .hasMessageContaining("Chưa cài đặt chứng thư số");

    SignatureProperties wrongPassword = new SignatureProperties(
        Map.of("tq-minhxuan", new SignatureProperties.Keystore(p12, "sai", null)), null, null, dir);
    assertThatThrownBy(() -> new SigningKeys(wrongPassword, DIRECTORY,
        new StaticListableBeanFactory().getBeanProvider(DemoSigningKeys.class)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot read the signing keystore");
  }
}
