package vn.motcua.print;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders an XHTML page to PDF with openhtmltopdf, embedding the bundled DejaVu Serif font (full
 * Vietnamese coverage; licence in {@code print/fonts/LICENSE-DejaVu.txt}) under the CSS family name
 * {@code "Motcua Serif"}. Page size and margins come from the template's CSS {@code @page} rule.
 *
 * <p>The two font files are read and parsed once and kept, a few parsed sets at most: parsing them was two
 * thirds of a render, and a render comes with every dossier's signed result (docs/performance.md,
 * "Lifecycle"). A parsed font reads its tables on demand, so one render at a time uses a set: a render takes a
 * set from {@link #idle} (or parses a new one when every set is in use) and gives it back when it succeeded (a
 * render that failed drops its set). At most as many sets are kept as the machine has cores (two at least).
 */
@Component
public class PdfRenderer {
  public static final String FONT_FAMILY = "Motcua Serif";
  private static final String REGULAR = "print/fonts/DejaVuSerif.ttf";
  private static final String BOLD = "print/fonts/DejaVuSerif-Bold.ttf";

  /** One parsed set per render running at once, up to the number kept. */
  private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {}

  private final BlockingQueue<Fonts> idle = new ArrayBlockingQueue<>(
      Math.max(2, Runtime.getRuntime().availableProcessors()));
  private final byte[] regular = bytes(REGULAR);
  private final byte[] bold = bytes(BOLD);

  public byte[] render(String xhtml) {
    Fonts fonts = idle.poll();
    try {
      if (fonts == null) {
        fonts = new Fonts(parse(regular), parse(bold));
      }
      byte[] pdf;
      try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePDDocument(doc);
        // embedded as subsets of the glyphs the page uses, as the font files were before
        builder.useFont(new PDFontSupplier(PDType0Font.load(doc, fonts.regular(), true)), FONT_FAMILY, 400,
            PdfRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(new PDFontSupplier(PDType0Font.load(doc, fonts.bold(), true)), FONT_FAMILY, 700,
            PdfRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
        pdf = out.toByteArray();
      }
      // back for the next render once its document is closed; dropped when enough sets are kept
      idle.offer(fonts);
      return pdf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TrueTypeFont parse(byte[] font) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(font));
  }

  private static byte[] bytes(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
