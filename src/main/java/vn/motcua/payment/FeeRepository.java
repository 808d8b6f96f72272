package vn.motcua.payment;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables fee_payment and fee_callback (V25). */
@Repository
public class FeeRepository {
  private final JdbcTemplate jdbc;

  public FeeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static FeePayment row(ResultSet rs, int n) throws SQLException {
    return new FeePayment(rs.getLong("id"), rs.getLong("dossier_id"), rs.getString("reference"), rs.getLong("amount"),
        rs.getString("method"), rs.getString("status"), rs.getString("gateway_payment_id"),
        rs.getString("gateway_transaction"), rs.getString("receipt_number"), instant(rs, "created_at"),
        rs.getString("created_by"), instant(rs, "paid_at"), instant(rs, "cancelled_at"), rs.getString("recorded_by"));
  }

  public void insert(long dossierId, String reference, long amount, String method, String status,
      String receiptNumber, Instant at, String actor) {
    jdbc.update("INSERT INTO fee_payment (dossier_id, reference, amount, method, status, receipt_number, created_at,"
            + " created_by, paid_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
        dossierId, reference, amount, method, status, receiptNumber, ts(at), actor,
        FeePayment.PAID.equals(status) ? ts(at) : null, FeePayment.PAID.equals(status) ? actor : null);
  }

  public void setGatewayPayment(String reference, String gatewayPaymentId) {
    jdbc.update("UPDATE fee_payment SET gateway_payment_id = ? WHERE reference = ?", gatewayPaymentId, reference);
  }

  /** PENDING → PAID or CANCELLED; false when the payment was no longer pending. */
  public boolean settle(String reference, String status, String transaction, Instant at) {
    String timeColumn = FeePayment.PAID.equals(status) ? "paid_at" : "cancelled_at";
    return jdbc.update("UPDATE fee_payment SET status = ?, gateway_transaction = ?, " + timeColumn + " = ?,"
        + " recorded_by = 'gateway' WHERE reference = ? AND status = 'PENDING'", status, transaction, ts(at), reference) == 1;
  }

  public Optional<FeePayment> byReference(String reference) {
    return jdbc.query("SELECT * FROM fee_payment WHERE reference = ?", FeeRepository::row, reference).stream().findFirst();
  }

  /** Locks the payment row for the caller's transaction (two callbacks of one payment on two nodes). */
  public Optional<FeePayment> lock(String reference) {
    return jdbc.query("SELECT * FROM fee_payment WHERE reference = ? FOR UPDATE", FeeRepository::row, reference)
        .stream().findFirst();
  }

  public List<FeePayment> ofDossier(long dossierId) {
    return jdbc.query("SELECT * FROM fee_payment WHERE dossier_id = ? ORDER BY created_at, id", FeeRepository::row,
        dossierId);
  }

  /** Online payments created or paid in [from, to). */
  public List<FeePayment> onlineBetween(Instant from, Instant to) {
    return jdbc.query("SELECT * FROM fee_payment WHERE method = 'ONLINE' AND ((paid_at >= ? AND paid_at < ?)"
        + " OR (created_at >= ? AND created_at < ?)) ORDER BY id", FeeRepository::row, ts(from), ts(to), ts(from), ts(to));
  }

  public boolean nonceAccepted(String nonce) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM fee_callback WHERE accepted_nonce = ?", Long.class, nonce) > 0;
  }

  /** Records a callback (an accepted one with its nonce, unique). */
  public void recordCallback(Instant at, String reference, String nonce, String outcome, String reason,
      String client, String body) {
    jdbc.update("INSERT INTO fee_callback (received_at, reference, nonce, accepted_nonce, outcome, reason, client, body)"
              + " VALUES (?,?,?,?,?,?,?,?)", ts(at), cut(reference, 100), cut(nonce, 100),
          "ACCEPTED".equals(outcome) ? cut(nonce, 100) : null, outcome, cut(reason, 500), cut(client, 100),
        cut(body, 2000));
  }

  public record Callback(Instant receivedAt, String reference, String nonce, String outcome, String reason) {}

  public List<Callback> callbacks(String reference) {
    return jdbc.query("SELECT * FROM fee_callback WHERE reference = ? ORDER BY id",
        (rs, n) -> new Callback(instant(rs, "received_at"), rs.getString("reference"), rs.getString("nonce"),
            rs.getString("outcome"), rs.getString("reason")), reference);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
