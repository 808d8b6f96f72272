package vn.motcua.files;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;

/**
 * The officers' side of the files a citizen uploaded: the list and each file, for the officers who may
 * read the dossier (the same rule as the dossier itself). Tasklist forms link here; a GET from a
 * logged-in webapp session is accepted (vn.motcua.security.WebappSession).
 */
@RestController
public class DossierFileController {
  private final DossierFiles files;
  private final DossierService dossiers;
  private final DossierAccess access;

  public DossierFileController(DossierFiles files, DossierService dossiers, DossierAccess access) {
    this.files = files;
    this.dossiers = dossiers;
    this.access = access;
  }

  /** A file as listed to officers, with the link that opens it. */
  public record FileView(long id, String purpose, String purposeName, String name, String contentType, long size,
      String sha256, Instant uploadedAt, String uploadedBy, String href) {
    static FileView of(String code, DossierFile f) {
      return new FileView(f.id(), f.purpose().name(), f.purpose().label(), f.originalName(), f.contentType(), f.size(),
          f.sha256(), f.uploadedAt(), f.uploadedBy(), DossierFileController.href(code, f.id()));
    }
  }

  public static String href(String code, long fileId) {
    return "/api/dossiers/" + code + "/files/" + fileId;
  }

  @GetMapping("/api/dossiers/{code}/files")
  public List<FileView> list(@PathVariable String code, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireReader(officer, d);
    return files.list(d.id()).stream().map(f -> FileView.of(d.code(), f)).toList();
  }

  @GetMapping("/api/dossiers/{code}/files/{fileId}")
  public ResponseEntity<byte[]> open(@PathVariable String code, @PathVariable long fileId, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireReader(officer, d);
    DossierFiles.Download download = files.read(d.id(), fileId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.file().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(download.file().originalName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .body(download.bytes());
  }
}
