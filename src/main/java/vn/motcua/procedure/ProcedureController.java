package vn.motcua.procedure;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.web.ApiException;

/** The public catalogue of active procedures, read from the deployed models (transparency). */
@RestController
public class ProcedureController {
  private final ProcedureCatalogue catalogue;

  public ProcedureController(ProcedureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/api/public/procedures")
  public List<Procedure> list() {
    return catalogue.list();
  }

  @GetMapping("/api/public/procedures/{key}")
  public Procedure get(@PathVariable String key) {
    return catalogue.find(key).orElseThrow(() -> ApiException.notFound("Không có thủ tục hành chính '" + key + "'."));
  }
}
