package vn.motcua.petition.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.Format;
import vn.motcua.petition.Petition;
import vn.motcua.petition.PetitionProperties;
import vn.motcua.petition.PetitionService;
import vn.motcua.petition.PetitionStep;
import vn.motcua.petition.PetitionStepRecord;
import vn.motcua.print.PdfRenderer;
import vn.motcua.print.PrintService;
import vn.motcua.print.PrintTemplates;
import vn.motcua.print.QrCodes;

/**
 * The petition's receipt (phiếu tiếp nhận phản ánh, kiến nghị), A5 PDF from the template
 * {@code print/petition-receipt.html} (an administrator overrides it in {@code motcua.print.template-dir}, as the
 * dossiers' forms): the code with its QR code to the public page, the petitioner, the petition, the time of
 * receipt and the classification deadline. The officer's copy has the contact details in full and the
 * signatures; the petitioner's copy from the public page has them partly masked.
 */
@Component
public class PetitionReceipts {
  static final String TEMPLATE = "petition-receipt";
  private static final int CONTENT_MAX = 1500;

  private final PetitionService petitions;
  private final PetitionProperties properties;
  private final PrintTemplates templates;
  private final PdfRenderer renderer;
  private final PrintService print;

  public PetitionReceipts(PetitionService petitions, PetitionProperties properties, PrintTemplates templates,
      PdfRenderer renderer, PrintService print) {
    this.petitions = petitions;
    this.properties = properties;
    this.templates = templates;
    this.renderer = renderer;
    this.print = print;
  }

  /**
   * @param petitionersCopy the copy downloaded on the public page: phone, e-mail and address partly masked
   */
  public byte[] pdf(Petition p, boolean petitionersCopy) {
    return renderer.render(templates.fill(TEMPLATE, model(p, petitionersCopy)));
  }

  Map<String, Object> model(Petition p, boolean petitionersCopy) {
    Map<String, Object> m = new HashMap<>();
    LocalDate today = petitions.now().atZone(OfficeZone.get()).toLocalDate();
    m.put("pageSize", "A5");
    m.put("printedDay", String.valueOf(today.getDayOfMonth()));
    m.put("printedMonth", String.valueOf(today.getMonthValue()));
    m.put("printedYear", String.valueOf(today.getYear()));
    String followUrl = properties.followUrl(p.code());
    m.put("code", p.code());
    m.put("qr", QrCodes.pngDataUri(followUrl, 240));
    m.put("followUrl", followUrl);
    m.put("receivingUnit", petitions.unitName(p.receivingUnit()));
    m.put("channel", p.channel().label());
    m.put("petitionerName", p.petitionerName());
    m.put("petitionerPhone", petitionersCopy ? maskPhone(p.petitionerPhone()) : p.petitionerPhone());
    String email = p.petitionerEmail() == null ? "" : p.petitionerEmail();
    m.put("petitionerEmail", petitionersCopy && !email.isEmpty() ? maskEmail(email) : email);
    m.put("petitionerAddress", petitionersCopy ? maskAddress(p.petitionerAddress()) : p.petitionerAddress());
    m.put("dossierCode", p.dossierCode() == null ? "" : p.dossierCode());
    m.put("subject", p.subject());
    m.put("content", p.content().length() <= CONTENT_MAX ? p.content() : p.content().substring(0, CONTENT_MAX - 1) + "…");
    List<String> files = petitions.fileNames(p.id());
    m.put("files", files.isEmpty() ? "Không có" : files.size() + " tệp (" + String.join(", ", files) + ")");
    m.put("receivedAt", Format.dateTime(p.receivedAt()));
    m.put("classifyDays", String.valueOf(properties.days(PetitionStep.CLASSIFY)));
    m.put("classifyDueAt", petitions.steps(p.id()).stream().filter(s -> s.step() == PetitionStep.CLASSIFY)
        .map(PetitionStepRecord::dueAt).findFirst().map(Format::dateTime).orElse("—"));
    m.put("receivedBy", p.channel() == Petition.Channel.ONLINE ? "" : print.officerName(p.receivedBy()));
    m.put("online", p.channel() == Petition.Channel.ONLINE);
    m.put("copy", petitionersCopy);
    return m;
  }

  /** The PDF as an inline download named after the code. */
  static ResponseEntity<byte[]> response(byte[] pdf, String code) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("phieu-tiep-nhan-" + code + ".pdf").build().toString())
        .body(pdf);
  }

  static String maskPhone(String phone) {
    return phone == null || phone.length() < 7 ? "***"
        : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 3);
  }

  static String maskEmail(String email) {
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }

  /** The address's last part (ward, district) only: "***, phường Minh Xuân". */
  static String maskAddress(String address) {
    if (address == null) {
      return "";
    }
    int comma = address.lastIndexOf(',');
    return comma < 0 ? "***" : "***" + address.substring(comma);
  }
}
