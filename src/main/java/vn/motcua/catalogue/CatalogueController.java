package vn.motcua.catalogue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organisation.Role;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * The catalogue import for process admins, and the procedure search the officers' registration uses
 * (docs/procedures.md, "Catalogue import").
 */
@RestController
public class CatalogueController {
  private final CatalogueImport importer;
  private final ProcedureSearch search;

  public CatalogueController(CatalogueImport importer, ProcedureSearch search) {
    this.importer = importer;
    this.search = search;
  }

  /** Imports a catalogue file sent as the body (JSON, the shape of docs/procedures.md); the report row by row. */
  @PostMapping(path = "/api/admin/catalogue/import", consumes = "application/json")
  public ImportReport importFile(@RequestBody(required = false) String body, Officer officer) {
    requireProcessAdmin(officer);
    if (body == null || body.isBlank()) {
      throw ApiException.invalid("Thiếu nội dung tệp danh mục thủ tục (JSON).", Map.of());
    }
    try {
      return importer.importFile(CatalogueFile.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))),
          "tải lên bởi " + officer.userId());
    } catch (CatalogueFile.CatalogueException e) {
      throw ApiException.invalid(e.getMessage(), Map.of());
    }
  }

  /** Imports the configured file again ({@code motcua.catalogue.file}), e.g. after it was replaced. */
  @PostMapping("/api/admin/catalogue/import/configured")
  public ImportReport importConfigured(Officer officer) {
    requireProcessAdmin(officer);
    try {
      return importer.importConfigured();
    } catch (CatalogueFile.CatalogueException e) {
      throw ApiException.invalid(e.getMessage(), Map.of());
    }
  }

  /** Procedures by code or words of the name, with or without diacritics, best first. */
  @GetMapping("/api/public/procedures/search")
  public List<ProcedureSearch.Match> search(@RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "limit", defaultValue = "20") int limit) {
    if (q == null || q.isBlank()) {
      throw ApiException.invalid("Nhập mã thủ tục hoặc một vài từ trong tên thủ tục để tìm.", Map.of("q", "bắt buộc"));
    }
    if (q.length() > 200) {
      throw ApiException.invalid("Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).", Map.of("q", "tối đa 200 ký tự"));
    }
    return search.search(q, limit);
  }

  static void requireProcessAdmin(Officer officer) {
    if (!officer.isAdmin() && !officer.hasRole(Role.PROCESS_ADMIN)) {
      throw ApiException.forbidden("Chỉ cán bộ quản trị quy trình được nhập danh mục thủ tục hành chính.");
    }
  }
}
