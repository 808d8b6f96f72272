package vn.motcua.calendar;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's time zone ({@code motcua.calendar.zone}) for the pages that show times in the browser:
 * Camunda's webapps (through {@code motcua-webapp.js}) and the supervisors' page format every time in
 * this zone, whatever the zone of the officer's computer. Public: a zone name is no secret, and the
 * webapps' login page shows times too.
 */
@RestController
public class OfficeZoneController {
  @GetMapping("/api/public/office-zone")
  public Map<String, String> zone() {
    return Map.of("zone", OfficeZone.get().getId());
  }
}
