package vn.motcua.digitisation.engine;

import static vn.motcua.dossier.DossierVariables.COMPLETE;
import static vn.motcua.dossier.DossierVariables.RECEPTION_DECISION;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.digitisation.Digitisation;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.engine.Delegates;

/**
 * The digitisation check of the reception form ({@code complete} task listener, after
 * {@code receptionCheckValidator}): a paper dossier is accepted only when each of its documents is digitised, or
 * with the officer's written reason for those that are not, which is kept in the dossier's log. A refusal keeps the
 * task open with the Vietnamese reason (HTTP 400 through the REST API).
 */
@Configuration
public class DigitisationValidators {
  static final int MIN_REASON = 10;

  @Bean
  TaskListener receptionDigitisationValidator(Digitisation digitisation, DossierService dossiers) {
    return task -> {
      if (!COMPLETE.equals(task.getVariable(RECEPTION_DECISION))) {
        return; // a supplement request or a refusal keeps nothing: nothing to digitise yet
      }
      Dossier d = dossiers.get(Delegates.dossierId(task));
      if (!digitisation.enforced(d)) {
        return;
      }
      List<DossierDocument> missing = digitisation.missing(d);
      if (missing.isEmpty()) {
        return;
      }
      Object reason = task.getVariable(Digitisation.REASON_VARIABLE);
      if (!(reason instanceof String r) || r.strip().length() < MIN_REASON) {
        throw new BadUserRequestException("Còn " + missing.size() + " thành phần hồ sơ chưa được số hóa ("
            + String.join("; ", missing.stream().map(DossierDocument::name).toList()) + "). Cần quét, đính kèm đủ các"
            + " thành phần, hoặc ghi rõ lý do tiếp nhận khi chưa số hóa (ít nhất " + MIN_REASON + " ký tự).");
      }
      digitisation.recordUndigitised(d, missing, r, Delegates.currentUser(task, "system"));
    };
  }
}
