package vn.motcua.catalogue;

/**
 * The shapes a generated procedure is built in, each after a hand-made reference model of {@code processes/}
 * (docs/procedures.md, "Catalogue import").
 */
public enum ProcedureShape {
  /** Resolved the same day at the counter (tiếp nhận và trả kết quả trong ngày). */
  SAME_DAY("Procedure_BirthRegistration", "giải quyết trong ngày"),
  /** Appraised and approved by the receiving commune, or one agency. */
  APPRAISE_APPROVE("Procedure_HouseholdBusinessRegistration", "thẩm định và phê duyệt"),
  /** A field inspection by the competent agency before the appraisal. */
  FIELD_INSPECTION("Procedure_ConstructionPermit", "có kiểm tra thực địa"),
  /** Partner agencies one after the other before the lead agency's decision. */
  INTER_AGENCY_SEQUENCE("Procedure_JudicialRecord", "liên thông tuần tự"),
  /** Partner agencies at once, before the lead agency's decision. */
  INTER_AGENCY_PARALLEL("Procedure_NewbornPackage", "liên thông song song"),
  /** Received at the commune, resolved by a provincial agency, returned at the commune. */
  VERTICAL("Procedure_LandUseCertificate", "liên thông dọc xã – tỉnh");

  private final String reference;
  private final String label;

  ProcedureShape(String reference, String label) {
    this.reference = reference;
    this.label = label;
  }

  /** The hand-made model this shape follows. */
  public String reference() {
    return reference;
  }

  public String label() {
    return label;
  }

  public boolean hasPartners() {
    return this == INTER_AGENCY_SEQUENCE || this == INTER_AGENCY_PARALLEL;
  }
}
