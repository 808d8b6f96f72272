package vn.motcua.web;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one policy for free text that people send (names, addresses, requests, notes, reasons, day names):
 * normalised to Unicode NFC, and refused when it carries characters that make no sense in it. The
 * accepted classes per field are listed in docs/citizens.md ("Accepted characters").
 *
 * <p>Always refused: lone surrogates (half of a UTF-16 pair, Cs), control characters (Cc) except the
 * line breaks and tabs of multi-line text, format characters (Cf: zero-width spaces and joiners, the
 * bidi embeddings, overrides and isolates such as U+202E, the byte-order mark), private-use (Co) and
 * unassigned (Cn) code points, the line and paragraph separators (Zl, Zp), the replacement character U+FFFD
 * (what bytes that were not UTF-8 became on the way in), and a combining mark (M) that
 * follows no letter or digit, or two in a row after NFC (Vietnamese needs at most one tone and one vowel
 * mark, and NFC composes both into the letter: "ế" is one character).
 */
public final class TextInput {
  private static final Pattern NEVER = Pattern.compile("[\\p{Cs}\\p{Cf}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}\\x{FFFD}]");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final Pattern CONTROL_BUT_LINES = Pattern.compile("[\\p{Cc}&&[^\\r\\n\\t]]");
  /** After NFC: a mark at the start, after a separator or punctuation, or two marks in a row. */
  private static final Pattern STRAY_MARK = Pattern.compile("(?:^|[^\\p{L}\\p{N}\\p{M}])\\p{M}|\\p{M}{2}");

  private TextInput() {}

  /** NFC, stripped, inner white space collapsed to one space; {@code null} or blank gives {@code null}. */
  public static String oneLine(String value) {
    if (value == null) {
      return null;
    }
    String nfc = Normalizer.normalize(value, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    return nfc.isEmpty() ? null : nfc;
  }

  /** NFC and stripped, line breaks kept (CRLF and CR become LF); {@code null} or blank gives {@code null}. */
  public static String multiLine(String value) {
    if (value == null) {
      return null;
    }
    String nfc = Normalizer.normalize(value, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
    return nfc.isEmpty() ? null : nfc;
  }

  /** True when single-line text (a name, an address, a day name) carries a character it may not. */
  public static boolean badOneLine(String value) {
    return value != null && (NEVER.matcher(value).find() || CONTROL.matcher(value).find() || strayMarks(value));
  }

  /** True when multi-line text (a request, a note, a reason) carries a character it may not; CR, LF, TAB pass. */
  public static boolean badMultiLine(String value) {
    return value != null
        && (NEVER.matcher(value).find() || CONTROL_BUT_LINES.matcher(value).find() || strayMarks(value));
  }

  private static boolean strayMarks(String value) {
    return STRAY_MARK.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).find();
  }
}
