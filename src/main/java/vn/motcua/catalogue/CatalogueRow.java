package vn.motcua.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One procedure of the catalogue file, in the shape of the National Database of Administrative Procedures'
 * public export (Cơ sở dữ liệu quốc gia về thủ tục hành chính, dichvucong.gov.vn): code, name, level, field,
 * competent agency, statutory working days, fee with its legal basis, documents with their copies, the
 * shape it is run in and the partner agencies with their shares (docs/procedures.md, "Catalogue import").
 *
 * @param provinceSpecific the fields whose value the province sets ([U]): {@code fee}, {@code statutoryDays}, …
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogueRow(
    String code,
    String name,
    String level,
    String field,
    String competentAgency,
    Integer statutoryDays,
    Long fee,
    String feeNote,
    String legalBasis,
    List<Document> documents,
    String shape,
    List<Partner> partners,
    Integer inspectionHours,
    Integer appraisalHours,
    Integer approvalHours,
    List<String> provinceSpecific) {

  /** A document the applicant submits, with the copies the catalogue asks for (bản chính, bản sao). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Document(String name, Integer originals, Integer copies) {
    /** As the catalogue prints it: "Tờ khai … (bản chính: 1, bản sao: 0)". */
    public String label() {
      int o = originals == null ? 0 : originals;
      int c = copies == null ? 0 : copies;
      if (o == 0 && c == 0) {
        return name.strip();
      }
      return name.strip() + " (bản chính: " + o + ", bản sao: " + c + ")";
    }
  }

  /**
   * A partner agency (cơ quan phối hợp) and its share of the statutory time.
   *
   * @param agency agency key of the organisation file
   * @param stage the stage name it holds ({@code verification}), an identifier
   * @param task what it does, in Vietnamese
   * @param hours its working hours
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Partner(String agency, String stage, String task, Integer hours) {}

  public boolean isProvinceSpecific(String fieldName) {
    return provinceSpecific != null && provinceSpecific.contains(fieldName);
  }
}
