package vn.motcua.dossier.engine;

import static vn.motcua.dossier.DossierVariables.*;
import static vn.motcua.dossier.engine.Delegates.dossierId;
import static vn.motcua.dossier.engine.Delegates.string;

import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.DeliveryMethod;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;

/**
 * Server-side validation of the officers' forms, as {@code complete} task listeners: Camunda Forms are
 * validated only in the browser, so each user task checks its decision here too. A refusal keeps the
 * task open and shows the Vietnamese reason in Tasklist (HTTP 400 through the REST API).
 */
@Configuration
public class TaskValidators {
  static final Set<String> DELIVERY_METHODS = DeliveryMethod.FOR_RESULTS;

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new BadUserRequestException(message);
    }
  }

  /**
   * The variable as typed text: only a string counts (a number or a boolean sent for a text field is
   * refused like a missing value, as Tasklist never sends one).
   */
  static String typedText(DelegateTask task, String name) {
    return task.getVariable(name) instanceof String s ? s : null;
  }

  static boolean text(DelegateTask task, String name, int minLength) {
    String value = typedText(task, name);
    return value != null && value.strip().length() >= minLength;
  }

  /** Whether the variable is one of the form's choices; null-safe (an immutable set refuses contains(null)). */
  static boolean oneOf(DelegateTask task, String name, Set<String> choices) {
    String value = typedText(task, name);
    return value != null && choices.contains(value);
  }

  /** Reception check: a decision, the full list of missing items once, or the reason of a refusal. */
  @Bean
  TaskListener receptionCheckValidator(DossierService dossiers) {
    return task -> {
      String decision = typedText(task, RECEPTION_DECISION);
      require(oneOf(task, RECEPTION_DECISION, Set.of(COMPLETE, INCOMPLETE, REFUSE)),
          "Cần chọn kết quả kiểm tra hồ sơ: tiếp nhận, yêu cầu bổ sung hoặc từ chối.");
      if (INCOMPLETE.equals(decision)) {
        Dossier d = dossiers.get(dossierId(task));
        String refusal = dossiers.supplementRefusal(d, "reception");
        require(refusal == null, refusal);
        require(text(task, MISSING_ITEMS, 10),
            "Cần liệt kê đầy đủ các thành phần hồ sơ cần bổ sung, hoàn thiện và lý do (ít nhất 10 ký tự).");
      }
      if (REFUSE.equals(decision)) {
        require(text(task, REFUSAL_REASON, 10), "Cần ghi rõ lý do từ chối tiếp nhận (ít nhất 10 ký tự).");
      }
    };
  }

  /**
   * The applicant's online stop request: confirmed while the dossier has no decision (the applicant's right,
   * Decree 118/2025 Art. 21); declined, with a reason for the applicant, only once it has one or has ended.
   */
  @Bean
  TaskListener stopRequestValidator(DossierService dossiers) {
    return task -> {
      String decision = typedText(task, STOP_REQUEST_DECISION);
      require(oneOf(task, STOP_REQUEST_DECISION, Set.of(CONFIRM, DECLINE)),
          "Cần chọn: xác nhận dừng giải quyết hồ sơ, hoặc không dừng vì hồ sơ đã có quyết định.");
      String refusal = dossiers.stopRefusal(dossiers.get(dossierId(task)));
      if (CONFIRM.equals(decision)) {
        require(refusal == null, refusal + " Chọn \"Không dừng giải quyết\" và ghi lý do cho người nộp.");
      } else {
        require(refusal != null, "Người nộp có quyền yêu cầu dừng giải quyết hồ sơ trước khi có quyết định (Nghị định "
            + "118/2025, Điều 21): hồ sơ chưa có quyết định nên cần xác nhận dừng giải quyết.");
        require(text(task, STOP_DECLINE_REASON, 10), "Cần ghi rõ lý do không dừng giải quyết (ít nhất 10 ký tự).");
      }
    };
  }

  /** The One-Stop Division confirms the supplement request was sent to the applicant. */
  @Bean
  TaskListener supplementRequestValidator() {
    return task -> require(Boolean.TRUE.equals(task.getVariable("supplementSent")),
        "Cần xác nhận đã gửi phiếu yêu cầu bổ sung, hoàn thiện hồ sơ cho người nộp.");
  }

  /** Appraisal: a conclusion with an opinion; a supplement only once and within 3 working days. */
  @Bean
  TaskListener appraisalValidator(DossierService dossiers) {
    return task -> {
      String conclusion = typedText(task, APPRAISAL_CONCLUSION);
      require(oneOf(task, APPRAISAL_CONCLUSION, Set.of(PROPOSE_APPROVAL, PROPOSE_REFUSAL, SUPPLEMENT)),
          "Cần chọn kết luận thẩm định.");
      require(text(task, APPRAISAL_OPINION, 10), "Cần ghi ý kiến thẩm định (ít nhất 10 ký tự).");
      if (SUPPLEMENT.equals(conclusion)) {
        String refusal = dossiers.supplementRefusal(dossiers.get(dossierId(task)), "appraisal");
        require(refusal == null, refusal);
        require(text(task, SUPPLEMENT_ITEMS, 10), "Cần nêu đầy đủ các nội dung cần bổ sung và lý do.");
      }
    };
  }

  /** Approval: agree with the proposal, or send back with a reason. */
  @Bean
  TaskListener approvalValidator() {
    return task -> {
      String decision = typedText(task, APPROVAL_DECISION);
      require(oneOf(task, APPROVAL_DECISION, Set.of(APPROVE, SEND_BACK)),
          "Cần chọn: đồng ý ký duyệt hoặc trả lại chuyên viên.");
      if (SEND_BACK.equals(decision)) {
        require(text(task, SEND_BACK_REASON, 10), "Cần ghi rõ lý do trả lại (ít nhất 10 ký tự).");
      }
    };
  }

  /** Return: how the result was handed over, to whom, and an optional rating 1–3. */
  @Bean
  TaskListener returnValidator() {
    return task -> {
      require(oneOf(task, DELIVERY_METHOD, DELIVERY_METHODS), "Cần chọn hình thức trả kết quả.");
      require(text(task, RECEIVER_NAME, 2), "Cần ghi họ tên người nhận kết quả.");
      Object rating = task.getVariable(RATING);
      require(rating == null || "".equals(rating) || rating instanceof String r && Set.of("1", "2", "3").contains(r.strip()),
          "Mức đánh giá phải là 1, 2 hoặc 3.");
    };
  }

  /** A partner agency's answer: done with its result, or returned with the reason. */
  @Bean
  TaskListener partnerProcessValidator() {
    return task -> {
      String decision = typedText(task, PARTNER_DECISION);
      require(oneOf(task, PARTNER_DECISION, Set.of(PARTNER_DONE, PARTNER_RETURN)),
          "Cần chọn: đã xử lý xong phần việc liên thông, hoặc trả lại hồ sơ cho cơ quan chủ trì.");
      if (PARTNER_DONE.equals(decision)) {
        require(text(task, PARTNER_RESULT, 5), "Cần ghi kết quả xử lý của cơ quan (ví dụ: số thẻ, số đăng ký).");
      } else {
        require(text(task, PARTNER_RETURN_REASON, 10), "Cần ghi rõ lý do trả lại hồ sơ liên thông (ít nhất 10 ký tự).");
      }
    };
  }

  /** The lead agency fixed what a partner returned the dossier for. */
  @Bean
  TaskListener interAgencyFixValidator() {
    return task -> require(text(task, FIX_NOTE, 10),
        "Cần ghi rõ nội dung đã điều chỉnh, bổ sung trước khi gửi lại cơ quan phối hợp (ít nhất 10 ký tự).");
  }

  /** The One-Stop Division saw the proof that the financial obligations are paid. */
  @Bean
  TaskListener paymentConfirmationValidator() {
    return task -> require(Boolean.TRUE.equals(task.getVariable(PAYMENT_CONFIRMED)),
        "Cần xác nhận người nộp đã hoàn thành nghĩa vụ tài chính (chứng từ nộp tiền).");
  }

  /** The field inspection is recorded with time, place, people and content (Decree 61/2018 Art. 18). */
  @Bean
  TaskListener fieldInspectionValidator() {
    return task -> {
      require(text(task, "inspectionPlace", 5), "Cần ghi địa điểm kiểm tra thực địa.");
      require(text(task, "inspectionParticipants", 5), "Cần ghi thành phần tham gia kiểm tra.");
      require(text(task, "inspectionFindings", 10), "Cần ghi nội dung, kết quả kiểm tra thực địa (ít nhất 10 ký tự).");
      require(text(task, "inspectionTime", 8), "Cần ghi thời gian kiểm tra thực địa.");
    };
  }
}
