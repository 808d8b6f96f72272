package vn.motcua.petition.engine;

import static vn.motcua.petition.engine.PetitionVariables.*;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import java.io.InputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.files.DossierFiles;
import vn.motcua.petition.Petition;
import vn.motcua.petition.PetitionProperties;
import vn.motcua.petition.PetitionService;
import vn.motcua.security.SystemAccess;
import vn.motcua.web.ApiException;

/**
 * Reception of a petition: checked, recorded with its code and files, and its process started, in one
 * transaction; a retry with the same Idempotency-Key gives the same petition. The petitioner's clarification
 * is a message to the waiting process.
 */
@Component
public class PetitionWorkflow {
  private final PetitionService petitions;
  private final DossierFiles files;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final PetitionProperties properties;
  private final TransactionTemplate transaction;

  public PetitionWorkflow(PetitionService petitions, DossierFiles files, RuntimeService runtimeService,
      IdentityService identityService, PetitionProperties properties, TransactionTemplate transaction) {
    this.petitions = petitions;
    this.files = files;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.properties = properties;
    this.transaction = transaction;
  }

  /** What a submission gave: the petition, and whether it is the replay of an earlier request. */
  public record Submitted(Petition petition, boolean replayed) {}

  /**
   * Receives a petition.
   *
   * @param officerUnits for a petition recorded by an officer (counter, hotline), the units where the officer
   *     is a reception officer; {@code null} for the public API
   */
  public Submitted submit(PetitionService.NewPetition in, Petition.Channel channel, List<DossierFiles.Upload> uploads,
      String idempotencyKey, String actor, java.util.Set<String> officerUnits) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && (key.length() > 100 || !key.matches("[A-Za-z0-9._:-]+"))) {
      errors.put("Idempotency-Key", "Khóa chống gửi trùng gồm 1 đến 100 ký tự chữ, số, dấu chấm, gạch nối.");
    }
    PetitionService.Checked checked = petitions.check(in, officerUnits == null ? properties.getDefaultUnit() : null,
        errors);
    if (officerUnits != null && checked != null && checked.unit() != null
        && !officerUnits.contains(checked.unit().key())) {
      errors.put("unit", "Cán bộ chỉ ghi nhận phản ánh cho đơn vị mình làm công tác tiếp nhận.");
    }
    List<DossierFiles.Checked> ok = files.check(uploads, "files", false, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Phản ánh, kiến nghị chưa hợp lệ: xem lỗi từng trường.", errors);
    }
    String hash = PetitionService.requestHash(checked, hashes(ok));
    var replay = petitions.replay(key, hash);
    if (replay.isPresent()) {
      return new Submitted(replay.get(), true);
    }
    List<DossierFiles.Staged> staged = files.stage(ok);
    try {
      return transaction.execute(s -> {
        PetitionService.Registered r = petitions.register(checked, channel, staged, key, hash, actor);
        Petition p = r.petition();
        var vars = Variables.createVariables()
            .putValue(PETITION_ID, p.id())
            .putValue(PETITION_CODE, p.code())
            .putValue(PETITION_SUBJECT, p.subject())
            .putValue(PETITION_CONTENT, p.content())
            .putValue(PETITION_CHANNEL, p.channel().label())
            .putValue(PETITIONER_NAME, p.petitionerName())
            .putValue(DOSSIER_CODE, p.dossierCode())
            .putValue(POSSIBLE_DUPLICATE, r.sameAsOpen() == null ? null : r.sameAsOpen().code())
            .putValue(RECEIVING_UNIT, p.receivingUnit())
            .putValue(RECEIVING_UNIT_NAME, petitions.unitName(p.receivingUnit()))
            .putValue(HANDLING_UNIT, p.handlingUnit())
            .putValue(HANDLING_UNIT_NAME, petitions.unitName(p.handlingUnit()));
        ProcessInstance pi = SystemAccess.run(identityService,
            () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, p.code(), vars));
        petitions.linkProcess(p.id(), pi.getId());
        return new Submitted(petitions.get(p.id()), false);
      });
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      files.discard(staged);
      // the same key registered by a concurrent request that committed first
      return petitions.replay(key, hash).map(p -> new Submitted(p, true)).orElseThrow(() -> raced);
    } catch (RuntimeException e) {
      files.discard(staged);
      throw e;
    }
  }

  /** The petitioner's clarification: recorded and handed to the waiting process. */
  public Petition clarify(String code, String phone, String text) {
    return transaction.execute(s -> {
      Petition p = petitions.clarify(code, phone, text);
      SystemAccess.run(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE_CLARIFIED)
          .processInstanceBusinessKey(p.code())
          .setVariable(CLARIFICATION_TEXT, vn.motcua.web.TextInput.multiLine(text))
          .correlate());
      return petitions.get(p.id());
    });
  }

  private static List<String> hashes(List<DossierFiles.Checked> checked) {
    List<String> result = new ArrayList<>();
    for (DossierFiles.Checked c : checked) {
      try (InputStream in = c.upload().content().open()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
        result.add(c.name() + ":" + HexFormat.of().formatHex(sha.digest()));
      } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("Could not read an upload", e);
      }
    }
    return result;
  }
}
