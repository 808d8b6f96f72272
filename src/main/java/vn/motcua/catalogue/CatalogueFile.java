package vn.motcua.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.List;

/**
 * The catalogue file: a JSON object with the source of the data and the procedures, one row each
 * ({@link CatalogueRow}); docs/procedures.md, "Catalogue import".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogueFile(String source, String retrievedAt, String note, List<CatalogueRow> procedures) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** Reads a catalogue file; an unreadable file is refused as a whole with a Vietnamese message. */
  public static CatalogueFile read(InputStream in) {
    try {
      CatalogueFile file = JSON.readValue(in, CatalogueFile.class);
      if (file == null || file.procedures() == null) {
        throw new CatalogueException("Tệp danh mục không có mục \"procedures\" (danh sách thủ tục).");
      }
      return file;
    } catch (JsonProcessingException e) {
      throw new CatalogueException("Tệp danh mục không phải JSON hợp lệ (dòng " + e.getLocation().getLineNr()
          + ", cột " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CatalogueException("Không đọc được tệp danh mục: " + e.getMessage());
    }
  }

  /** The row as stable JSON (NFC text), the input of its hash. */
  static String canonical(CatalogueRow row) {
    try {
      return Normalizer.normalize(JSON.writeValueAsString(row), Normalizer.Form.NFC);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A catalogue file that cannot be read at all. */
  public static class CatalogueException extends RuntimeException {
    public CatalogueException(String message) {
      super(message);
    }
  }
}
