package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;
import vn.motcua.web.ApiException;

/**
 * The check of a registration before anything is stored or started: the procedure (active, received where it
 * may be, resolved by a known agency), the receiving unit of an online dossier, the applicant, the request and
 * the documents; every problem a field → Vietnamese message. Plain: no engine (the procedures come from a
 * lookup, the catalogue in the application); {@code dossier.engine.DossierWorkflow} registers what it accepts.
 */
@Component
public class RegistrationCheck {
  private final Function<String, Optional<Procedure>> procedures;
  private final OrganisationDirectory directory;
  private final Function<String, Optional<String>> suspended;

  @Autowired
  public RegistrationCheck(ProcedureCatalogue catalogue, OrganisationDirectory directory) {
    this(catalogue::find, directory, catalogue::suspendedName);
  }

  /** A check over these procedures (by key: the active one) and this organisation. */
  public RegistrationCheck(Function<String, Optional<Procedure>> procedures, OrganisationDirectory directory) {
    this(procedures, directory, key -> Optional.empty());
  }

  /** ... and the name of a procedure whose latest version is suspended (by key), for the message. */
  public RegistrationCheck(Function<String, Optional<Procedure>> procedures, OrganisationDirectory directory,
      Function<String, Optional<String>> suspended) {
    this.procedures = procedures;
    this.directory = directory;
    this.suspended = suspended;
  }

  /**
   * What an officer submits to register a dossier received at the counter or by post. {@code competentUnit}:
   * for a commune procedure, the commune that resolves it when it is not the receiving one (reception
   * regardless of administrative boundary within the province, Decree 118/2025); empty: the receiving unit.
   */
  public record RegisterCommand(String procedureKey, String receivingUnit, Channel channel, Applicant applicant,
      String requestSummary, List<NewDocument> documents, String competentUnit) {
    public RegisterCommand(String procedureKey, String receivingUnit, Channel channel, Applicant applicant,
        String requestSummary, List<NewDocument> documents) {
      this(procedureKey, receivingUnit, channel, applicant, requestSummary, documents, null);
    }
  }

  /**
   * What the citizen (or the national portal on their behalf) submits online; {@code competentUnit} as in
   * {@link RegisterCommand}.
   */
  public record OnlineSubmission(String procedureKey, String receivingUnit, Applicant applicant,
      String requestSummary, List<NewDocument> documents, String competentUnit) {
    public OnlineSubmission(String procedureKey, String receivingUnit, Applicant applicant,
        String requestSummary, List<NewDocument> documents) {
      this(procedureKey, receivingUnit, applicant, requestSummary, documents, null);
    }
  }

  /** The active procedure of this key, or {@code null} with the problem added to {@code errors}. */
  public Procedure procedure(String key, Map<String, String> errors) {
    if (key == null || key.isBlank()) {
      errors.put("procedureKey", "Cần chọn thủ tục hành chính.");
      return null;
    }
    Procedure procedure = procedures.apply(key).orElse(null);
    if (procedure == null) {
      errors.put("procedureKey", suspended.apply(key)
          .map(name -> "Thủ tục hành chính '" + name + "' đang tạm ngừng tiếp nhận hồ sơ.")
          .orElse("Không có thủ tục hành chính '" + ApplicantValidator.clean(key) + "' đang áp dụng."));
    }
    return procedure;
  }

  /**
   * The registration an officer's command makes, once its procedure ({@link #procedure}) and receiving unit
   * (from the officer) are known ({@code null}: not, the problem already in {@code errors}); the problems
   * added to {@code errors}, {@code null} when there is any. An online channel is not registered at the counter.
   */
  public DossierService.Registration counter(RegisterCommand c, Procedure procedure, Agency receiving,
      Map<String, String> errors) {
    Channel channel = c.channel() == null ? Channel.DIRECT : c.channel();
    if (channel == Channel.ONLINE) {
      errors.put("channel", "Hồ sơ trực tuyến được nộp qua cổng dịch vụ công, không đăng ký tại quầy.");
    }
    return registration(procedure, receiving, c.competentUnit(), channel, c.applicant(), c.requestSummary(),
        c.documents(), errors);
  }

  /**
   * Checks an online submission without storing anything; the field messages in Vietnamese, or an empty
   * map. The registration checks it again inside its transaction ({@link #online}).
   */
  public Map<String, String> check(OnlineSubmission s) {
    Map<String, String> errors = new LinkedHashMap<>();
    online(s, errors);
    return errors;
  }

  /** The registration an online submission makes; the problems added to {@code errors}, {@code null} when any. */
  public DossierService.Registration online(OnlineSubmission s, Map<String, String> errors) {
    Procedure procedure = procedure(s.procedureKey(), errors);
    Agency receiving = onlineReceivingUnit(s.receivingUnit(), procedure, errors);
    return registration(procedure, receiving, s.competentUnit(), Channel.ONLINE, s.applicant(), s.requestSummary(),
        s.documents(), errors);
  }

  /** An invalid registration is a 400 with the field messages: it stores nothing and starts no process. */
  public static void requireValid(Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Hồ sơ chưa được đăng ký vì dữ liệu chưa hợp lệ.", errors);
    }
  }

  /** The receiving unit of an online dossier: any One-Stop Division that may receive the procedure. */
  private Agency onlineReceivingUnit(String requested, Procedure procedure, Map<String, String> errors) {
    boolean communeProcedure = procedure != null && Procedure.RECEIVING_UNIT.equals(procedure.competentAgency());
    if (requested == null || requested.isBlank()) {
      if (procedure == null) {
        return null;
      }
      List<Agency> provincial = directory.agencies().stream()
          .filter(a -> a.hasRole(Role.RECEPTION) && a.level() == Agency.Level.PROVINCE).toList();
      if (!communeProcedure && provincial.size() == 1) {
        return provincial.get(0);
      }
      errors.put("receivingUnit", communeProcedure
          ? "Cần chọn Ủy ban nhân dân cấp xã tiếp nhận hồ sơ."
          : "Cần chọn nơi tiếp nhận hồ sơ.");
      return null;
    }
    Agency a = directory.find(requested).orElse(null);
    if (a == null || !a.hasRole(Role.RECEPTION)) {
      errors.put("receivingUnit", "Không có Bộ phận Một cửa '" + ApplicantValidator.clean(requested) + "'.");
      return null;
    }
    return a;
  }

  /**
   * The commune that resolves a commune procedure received at another commune's One-Stop Division (phi địa
   * giới hành chính, Decree 118/2025): any commune of the province with officers who appraise and approve.
   */
  private Agency competentCommune(String key, Map<String, String> errors) {
    Agency a = directory.find(key).orElse(null);
    if (a == null || a.level() != Agency.Level.COMMUNE || !a.hasRole(Role.SPECIALIST) || !a.hasRole(Role.LEADER)) {
      errors.put("competentUnit", "Không có Ủy ban nhân dân cấp xã '" + ApplicantValidator.clean(key)
          + "' trong tỉnh để giải quyết thủ tục cấp xã.");
      return null;
    }
    return a;
  }

  /**
   * The registration the data make, with the problems added to {@code errors} (field → Vietnamese
   * message); {@code null} when there is any.
   */
  private DossierService.Registration registration(Procedure procedure, Agency receiving, String requestedCompetent,
      Channel channel, Applicant applicantData, String requestSummary, List<NewDocument> documents,
      Map<String, String> errors) {
    Agency competent = null;
    boolean otherCompetent = requestedCompetent != null && !requestedCompetent.isBlank();
    if (procedure != null && receiving != null) {
      if (Procedure.RECEIVING_UNIT.equals(procedure.competentAgency())) {
        if (receiving.level() != Agency.Level.COMMUNE) {
          errors.put("receivingUnit", "Thủ tục cấp xã phải được tiếp nhận tại Ủy ban nhân dân cấp xã.");
        } else if (!otherCompetent || requestedCompetent.strip().equals(receiving.key())) {
          competent = receiving;
        } else {
          competent = competentCommune(requestedCompetent.strip(), errors);
        }
      } else {
        competent = directory.find(procedure.competentAgency()).orElse(null);
        if (competent == null) {
          throw new IllegalStateException("Procedure " + procedure.key() + " names unknown agency "
              + procedure.competentAgency());
        }
        if (otherCompetent && !requestedCompetent.strip().equals(competent.key())) {
          errors.put("competentUnit", "Thủ tục này do " + competent.name() + " giải quyết; không chọn được cơ quan "
              + "giải quyết khác.");
        }
      }
    } else if (otherCompetent && directory.find(requestedCompetent.strip()).isEmpty()) {
      errors.put("competentUnit", "Không có đơn vị '" + ApplicantValidator.clean(requestedCompetent) + "'.");
    }
    ApplicantValidator.Result applicant = ApplicantValidator.validate(applicantData);
    errors.putAll(applicant.errors());
    String summary = ApplicantValidator.clean(requestSummary);
    if (summary != null && (summary.length() > 2000 || ApplicantValidator.hasInvisibleCharacters(requestSummary
        .replaceAll("[\\r\\n\\t]", " ")))) {
      errors.put("requestSummary", "Nội dung yêu cầu dài quá 2000 ký tự hoặc chứa ký tự không hợp lệ.");
    }
    List<NewDocument> docs = null;
    if (documents != null) {
      docs = new ArrayList<>();
      for (int i = 0; i < documents.size(); i++) {
        NewDocument doc = documents.get(i);
        String name = doc == null ? null : ApplicantValidator.clean(doc.name());
        if (name == null) {
          errors.put("documents[" + i + "].name", "Cần ghi tên thành phần hồ sơ.");
        } else if (name.length() > 500 || ApplicantValidator.hasInvisibleCharacters(doc.name())) {
          errors.put("documents[" + i + "].name", "Tên thành phần hồ sơ dài quá 500 ký tự hoặc chứa ký tự không hợp lệ.");
        } else if (doc.copies() < 1 || doc.copies() > 20) {
          errors.put("documents[" + i + "].copies", "Số bản từ 1 đến 20.");
        } else if (doc.note() != null && (doc.note().length() > 1000 || ApplicantValidator.hasInvisibleCharacters(doc.note()))) {
          errors.put("documents[" + i + "].note", "Ghi chú dài quá 1000 ký tự hoặc chứa ký tự không hợp lệ.");
        } else {
          docs.add(new NewDocument(name, doc.copies(), ApplicantValidator.clean(doc.note())));
        }
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    if (summary == null && channel == Channel.ONLINE) {
      // the portal's form may leave it out: the request is then the procedure itself, shown to the officer
      summary = "Đề nghị giải quyết thủ tục \"" + procedure.name() + "\" (nộp trực tuyến)";
    }
    return new DossierService.Registration(procedure, receiving, competent, channel, applicant.applicant(), summary,
        docs);
  }
}
