package vn.motcua.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * Finds procedures among hundreds by code or by words of the name (or field), in Vietnamese with or without
 * diacritics: "khai sinh", "khai sinh" typed without marks, "1.0011" (a code's beginning) all find the birth
 * registration. Words match at word starts, in any order; all words must match.
 */
@Service
public class ProcedureSearch {
  private final ProcedureCatalogue catalogue;

  public ProcedureSearch(ProcedureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** What the registration form shows for a match. */
  public record Match(String key, String code, String name, String field, String level, int statutoryDays,
      long fee) {}

  public List<Match> search(String query, int limit) {
    String q = fold(query == null ? "" : query).strip();
    if (q.isEmpty()) {
      return List.of();
    }
    List<String> words = Arrays.stream(q.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    record Scored(Procedure p, int score) {}
    List<Scored> found = new ArrayList<>();
    for (Procedure p : catalogue.list()) {
      int score = score(p, q, words, query.strip());
      if (score > 0) {
        found.add(new Scored(p, score));
      }
    }
    found.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.p().name()));
    return found.stream().limit(Math.max(1, Math.min(limit, 100)))
        .map(s -> new Match(s.p().key(), s.p().code(), s.p().name(), s.p().field(), s.p().level(),
            s.p().statutoryDays(), s.p().fee()))
        .toList();
  }

  private static int score(Procedure p, String q, List<String> words, String raw) {
    String code = p.code() == null ? "" : p.code();
    if (code.equals(q)) {
      return 1000;
    }
    if (q.matches("[0-9.]+")) {
      return code.startsWith(q) ? 500 : code.contains(q) ? 400 : 0;
    }
    String name = " " + fold(p.name()) + " ";
    String field = " " + fold(p.field() == null ? "" : p.field()) + " ";
    int score = 0;
    for (String w : words) {
      if (name.contains(" " + w)) {
        score += 10;
      } else if (field.contains(" " + w)) {
        score += 3;
      } else {
        return 0;
      }
    }
    if (name.contains(" " + q)) {
      score += 20; // the words in this order
    }
    String exact = Normalizer.normalize(raw, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    if (!exact.equals(q) && p.name().toLowerCase(Locale.ROOT).contains(exact)) {
      score += 5; // typed with diacritics, and they match too
    }
    return score;
  }

  /** Lower case, without diacritics, đ as d: "Đăng ký khai sinh" → "dang ky khai sinh". */
  static String fold(String text) {
    String nfd = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return nfd.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9.\\s]", " ").replaceAll("\\s+", " ");
  }
}
