package vn.motcua.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a table for export: a Vietnamese title and period, optional column groups (a merged
 * first header row, as form 06a has), the column headers and the rows (text or numbers).
 *
 * @param groups one entry per column: its group header, or {@code null}; {@code null} for no group row
 */
public record Table(String title, String subtitle, List<String> groups, List<String> headers, List<List<Object>> rows) {
  /** Header for one-line formats (CSV): "group: header" where the column has a group. */
  public List<String> flatHeaders() {
    if (groups == null) {
      return headers;
    }
    List<String> flat = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String g = groups.get(i);
      flat.add(g == null || g.equals(headers.get(i)) ? headers.get(i) : g + " - " + headers.get(i));
    }
    return flat;
  }
}
