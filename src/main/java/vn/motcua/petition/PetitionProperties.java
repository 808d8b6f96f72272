package vn.motcua.petition;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the petition process ({@code motcua.petition.*}, docs/petitions.md "Configuration").
 */
@ConfigurationProperties("motcua.petition")
public class PetitionProperties {
  /** The unit that receives an online petition when the petitioner names none (the provincial centre). */
  private String defaultUnit = "tq-ttpvhcc";
  /** Working days per step; sector rules give 3–10 (Decree 20/2008), forwarding 5. */
  private Map<PetitionStep, Integer> days = new EnumMap<>(PetitionStep.class);
  /** How many working days before a step's deadline its officers are reminded. */
  private int warningDaysBefore = 1;
  /** The public petition page, named in the messages to the petitioner and on the printed receipt. */
  private String pageUrl = "http://localhost:8080/phan-anh/";

  public PetitionProperties() {
    for (PetitionStep s : PetitionStep.values()) {
      days.put(s, s.defaultDays());
    }
  }

  public String getDefaultUnit() {
    return defaultUnit;
  }

  public void setDefaultUnit(String defaultUnit) {
    this.defaultUnit = defaultUnit;
  }

  public Map<PetitionStep, Integer> getDays() {
    return days;
  }

  public void setDays(Map<PetitionStep, Integer> configured) {
    Map<PetitionStep, Integer> merged = new EnumMap<>(PetitionStep.class);
    for (PetitionStep s : PetitionStep.values()) {
      merged.put(s, s.defaultDays());
    }
    merged.putAll(configured);
    for (var e : merged.entrySet()) {
      if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 60) {
        throw new IllegalArgumentException("motcua.petition.days." + e.getKey() + " must be 1 to 60 working days: "
            + e.getValue());
      }
    }
    this.days = merged;
  }

  public int getWarningDaysBefore() {
    return warningDaysBefore;
  }

  public void setWarningDaysBefore(int warningDaysBefore) {
    this.warningDaysBefore = warningDaysBefore;
  }

  public String getPageUrl() {
    return pageUrl;
  }

  public void setPageUrl(String pageUrl) {
    this.pageUrl = pageUrl;
  }

  /** The public page with a petition's code filled in ({@code /phan-anh/?ma=<code>}). */
  public String followUrl(String code) {
    return pageUrl + (pageUrl.contains("?") ? "&" : "?") + "ma=" + code;
  }

  public int days(PetitionStep step) {
    return days.getOrDefault(step, step.defaultDays());
  }
}
