package vn.motcua.digitisation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prefix {@code motcua.digitisation} (docs/signatures.md).
 *
 * @param enforcedUnits the receiving units (agency keys) whose One-Stop Division accepts a paper dossier only
 *     with every document digitised or a written reason; {@code *} (the default): every unit, as Decree 118/2025
 *     requires. A province that brings its scanning stations into service unit by unit lists the units that have
 *     one; the others still see the digitisation state and may scan, without the check.
 */
@ConfigurationProperties("motcua.digitisation")
public record DigitisationProperties(List<String> enforcedUnits) {
  public DigitisationProperties {
    enforcedUnits = enforcedUnits == null || enforcedUnits.isEmpty() ? List.of("*") : List.copyOf(enforcedUnits);
  }

  public boolean enforcedAt(String unit) {
    return enforcedUnits.contains("*") || enforcedUnits.contains(unit);
  }
}
