package vn.motcua.print;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders an XHTML page to PDF with openhtmltopdf, embedding the bundled DejaVu Serif font (full
 * Vietnamese coverage; licence in {@code print/fonts/LICENSE-DejaVu.txt}) under the CSS family name
 * {@code "Motcua Serif"}. Page size and margins come from the template's CSS {@code @page} rule.
 */
@Component
public class PdfRenderer {
  public static final String FONT_FAMILY = "Motcua Serif";

  public byte[] render(String xhtml) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(() -> font("print/fonts/DejaVuSerif.ttf"), FONT_FAMILY, 400,
          PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> font("print/fonts/DejaVuSerif-Bold.ttf"), FONT_FAMILY, 700,
          PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream font(String path) {
    try {
      return new ClassPathResource(path).getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
