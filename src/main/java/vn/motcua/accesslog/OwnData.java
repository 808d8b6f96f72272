package vn.motcua.accesslog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.Format;
import vn.motcua.files.DossierFiles;
import vn.motcua.payment.FeeService;

/**
 * Everything the system keeps about a citizen's dossier, as the JSON the citizen downloads (the data subject's
 * right to view their data, Personal Data Protection Law 2025).
 */
@Component
public class OwnData {
  private final DossierService dossiers;
  private final DossierFiles files;
  private final FeeService fees;
  private final AccessLog accessLog;

  public OwnData(DossierService dossiers, DossierFiles files, FeeService fees, AccessLog accessLog) {
    this.dossiers = dossiers;
    this.files = files;
    this.fees = fees;
    this.accessLog = accessLog;
  }

  public Map<String, Object> of(Dossier d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", d.code());
    m.put("procedure", map("key", d.procedureKey(), "code", d.procedureCode(), "name", d.procedureName()));
    m.put("receivingUnit", dossiers.unitName(d.receivingUnit()));
    m.put("competentUnit", dossiers.unitName(d.competentUnit()));
    m.put("channel", d.channel() == null ? null : d.channel().name());
    m.put("applicant", map("name", d.applicant().name(), "idNumber", d.applicant().idNumber(),
        "phone", d.applicant().phone(), "email", d.applicant().email(), "address", d.applicant().address(),
        "representative", d.applicant().representative()));
    m.put("requestSummary", d.requestSummary());
    m.put("status", d.status().code());
    m.put("statusName", d.status().label());
    m.put("receivedAt", d.receivedAt());
    m.put("appointmentAt", d.appointmentAt());
    m.put("resolvedAt", d.resolvedAt());
    m.put("returnedAt", d.returnedAt());
    m.put("decision", d.decision());
    m.put("result", d.result());
    m.put("deliveryMethod", d.deliveryMethod());
    m.put("rating", d.rating());
    m.put("ratingComment", d.ratingComment());
    m.put("documents", dossiers.documents(d.id()).stream().map(doc -> map("position", doc.position(), "name", doc.name(),
        "copies", doc.copies(), "state", doc.state().label(), "note", doc.note())).toList());
    m.put("files", files.list(d.id()).stream().map(f -> map("name", f.originalName(), "contentType", f.contentType(),
        "size", f.size(), "sha256", f.sha256(), "purpose", f.purpose().label(), "uploadedAt", f.uploadedAt())).toList());
    m.put("history", dossiers.events(d.id()).stream().map(e -> map("type", e.type(), "at", e.occurredAt(),
        "reason", e.reason(), "details", e.details())).toList());
    m.put("feePayments", fees.payments(d.id()).stream().map(p -> map("reference", p.reference(), "amount", p.amount(),
        "method", p.methodLabel(), "status", p.statusLabel(), "receiptNumber", p.receiptNumber(),
        "transactionId", p.gatewayTransaction(), "paidAt", p.paidAt())).toList());
    m.put("accessLog", accessLog.ofDossier(d.id()).stream().map(e -> map("at", Format.dateTime(e.accessedAt()),
        "officerName", e.officerName(), "unitName", accessLog.unitName(e.unit()), "screen", e.screen().label())).toList());
    return m;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
