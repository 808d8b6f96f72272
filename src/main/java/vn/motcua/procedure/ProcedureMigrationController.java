package vn.motcua.procedure;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organisation.Role;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * The process admin's migration of running dossiers to a new version of a procedure (docs/procedures.md,
 * "Migrating running dossiers"; page {@code /quy-trinh/}): preview (plan, validation, dry run), start (a
 * batch), and the record with the batch's progress. Process admins and Camunda administrators only.
 */
@RestController
public class ProcedureMigrationController {
  private final ProcedureMigrations migrations;

  public ProcedureMigrationController(ProcedureMigrations migrations) {
    this.migrations = migrations;
  }

  /** What a migration start asks: from which version to which (defaults: the one before the latest, the latest). */
  public record MigrationRequest(Integer from, Integer to) {}

  @GetMapping("/api/admin/procedures/{key}/migration")
  public ProcedureMigrations.Preview preview(@PathVariable String key, @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to, Officer officer) {
    requireProcessAdmin(officer);
    return migrations.preview(key, from, to);
  }

  @PostMapping("/api/admin/procedures/{key}/migration")
  @ResponseStatus(HttpStatus.CREATED)
  public ProcedureMigrations.Migration start(@PathVariable String key, @RequestBody(required = false) MigrationRequest request,
      Officer officer) {
    requireProcessAdmin(officer);
    MigrationRequest r = request == null ? new MigrationRequest(null, null) : request;
    return migrations.start(key, r.from(), r.to(), officer.userId());
  }

  @GetMapping("/api/admin/procedure-migrations")
  public List<ProcedureMigrations.Migration> list(@RequestParam(required = false) String key, Officer officer) {
    requireProcessAdmin(officer);
    return migrations.list(key);
  }

  @GetMapping("/api/admin/procedure-migrations/{id}")
  public ProcedureMigrations.Migration get(@PathVariable long id, Officer officer) {
    requireProcessAdmin(officer);
    return migrations.get(id).orElseThrow(() -> ApiException.notFound("Không có lần chuyển phiên bản số " + id + "."));
  }

  static void requireProcessAdmin(Officer officer) {
    if (!officer.isAdmin() && !officer.hasRole(Role.PROCESS_ADMIN)) {
      throw ApiException.forbidden("Chỉ cán bộ quản trị quy trình được chuyển hồ sơ đang giải quyết sang phiên bản mới.");
    }
  }
}
