package vn.motcua.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.OfficeZone;
import org.springframework.beans.factory.annotation.Value;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.EngineClock;
import vn.motcua.dossier.PortalStatusListener;

/**
 * Records a status event for the national portal in the transaction that changed the dossier (the outbox,
 * {@code portal_event}; docs/portal.md, "Contract"). A write of the status that leaves the portal status as the
 * last event had it records nothing; a new appointment (apology letter) records an event with the same status.
 * Events are recorded whether the portal is on or off, for the procedures the province syncs; the sender
 * ({@link PortalSync}) delivers them.
 *
 * <p>Order: the change has already updated the dossier's row, which stays locked until its transaction ends,
 * so two transactions changing one dossier record their events one after the other and the sequence numbers
 * follow the order of the changes (the unique key {@code (dossier_id, sequence_no)} guards it).
 */
@Component
public class PortalOutbox implements PortalStatusListener {
  static final ObjectMapper JSON = new ObjectMapper();

  private final PortalEventRepository repository;
  private final PortalProperties properties;
  private final EngineClock clock;
  private final String publicBaseUrl;

  public PortalOutbox(PortalEventRepository repository, PortalProperties properties, EngineClock clock,
      @Value("${motcua.portal.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }

  @Override
  public void changed(Dossier d, String portalDossierNumber, Reason reason) {
    if (!properties.syncs(d.procedureCode(), d.procedureKey())) {
      return;
    }
    PortalEventRepository.Last last = repository.last(d.id());
    if (reason == Reason.STATUS && last != null && last.statusCode() == d.status().code()) {
      return;
    }
    int sequence = last == null ? 1 : last.sequence() + 1;
    String key = eventKey(d.code(), sequence);
    Instant at = clock.instant();
    repository.insert(d.id(), d.code(), d.procedureCode(), sequence, d.status().code(), reason.name(), key,
        payload(d, portalDossierNumber, sequence, key, reason, at), at);
  }

  /** The portal's number came after the dossier's first event(s) in the same transaction: they carry it too. */
  @Override
  public void portalNumberSet(Dossier d, String portalDossierNumber) {
    for (PortalEvent e : repository.ofDossier(d.id())) {
      if (e.state() == PortalEvent.State.PENDING) {
        try {
          com.fasterxml.jackson.databind.node.ObjectNode body =
              (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(e.payload());
          body.put("portalDossierNumber", portalDossierNumber);
          repository.setPayload(e.id(), JSON.writeValueAsString(body));
        } catch (JsonProcessingException ex) {
          throw new IllegalStateException(ex);
        }
      }
    }
  }

  /** The idempotency key of a dossier's event: the same on every retry and re-send. */
  static String eventKey(String dossierCode, int sequence) {
    return "motcua:" + dossierCode + ":" + sequence;
  }

  /** The JSON body of the event (docs/portal.md, "Contract"). */
  String payload(Dossier d, String portalDossierNumber, int sequence, String key, Reason reason, Instant at) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("eventId", key);
    p.put("sequence", sequence);
    p.put("reason", reason.name());
    p.put("provinceCode", properties.agencyCode());
    p.put("dossierCode", d.code());
    p.put("portalDossierNumber", portalDossierNumber);
    p.put("procedureCode", d.procedureCode());
    p.put("procedureName", d.procedureName());
    p.put("receivingAgencyCode", d.receivingUnit());
    p.put("competentAgencyCode", d.competentUnit());
    p.put("channel", d.channel().name());
    p.put("status", d.status().code());
    p.put("statusName", d.status().label());
    p.put("changedAt", time(at));
    p.put("receivedAt", time(d.receivedAt()));
    p.put("appointmentAt", time(d.appointmentAt()));
    p.put("originalAppointmentAt", time(d.originalAppointmentAt()));
    p.put("apologyCount", d.apologyCount());
    p.put("decision", d.decision());
    p.put("resolvedAt", time(d.resolvedAt()));
    p.put("returnedAt", time(d.returnedAt()));
    p.put("outcome", d.outcome() == null ? null : d.outcome().name());
    p.put("outcomeName", d.outcome() == null ? null : d.outcome().label());
    if (d.status() == DossierStatus.NOT_ACCEPTED) {
      // Decree 118/2025: the reasons of a refusal at reception go back electronically, with form 03, which the
      // applicant downloads with the code and the lookup PIN (digitisation.ResultFileController)
      p.put("refusalReason", repository.refusalReason(d.id()));
      p.put("refusalSlipUrl", publicBaseUrl + "/api/public/dossiers/" + d.code() + "/forms/03.pdf");
    }
    try {
      return JSON.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ISO 8601 to the second with the office's offset, e.g. {@code 2026-12-08T17:30:00+07:00}. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private static String time(Instant instant) {
    return instant == null ? null : TIME.format(OffsetDateTime.ofInstant(instant, OfficeZone.get()));
  }
}
