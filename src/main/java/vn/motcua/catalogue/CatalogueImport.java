package vn.motcua.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.procedure.ModelDeployer;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * Imports a catalogue file: every row is checked ({@link CatalogueValidator}), generated in its shape
 * ({@link ProcedureModelGenerator}) and deployed as its own deployment {@code motcua-catalogue <code>}, through
 * the engine's deployment check like any model. <b>Per row, all or nothing</b>: a row's model and its record
 * ({@code catalogue_procedure}) commit together or not at all; a refused row does not stop the others, since a
 * province's catalogue of 2,000 procedures must not wait for one typo (the report lists every row and why).
 *
 * <p>An unchanged row deploys nothing; a changed row deploys a new version; a procedure whose latest version is
 * not the one generated last (refined in Modeler and deployed) is kept and reported, never overwritten.
 *
 * <p>An unchanged row is not even generated again when its record says the same row hash, the same build of
 * the generator ({@link #GENERATOR_FINGERPRINT}) and the latest definition still the one generated last: a
 * province's 2,000 procedures then cost a query each at start-up, not a model each. Otherwise the model is
 * generated and compared by content, as above.
 */
@Service
public class CatalogueImport {
  public static final String DEPLOYMENT_PREFIX = "motcua-catalogue ";
  public static final String DEPLOYMENT_SOURCE = "motcua-catalogue";
  private static final Logger log = LoggerFactory.getLogger(CatalogueImport.class);

  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final CatalogueValidator validator;
  private final ProcedureCatalogue catalogue;
  private final ResourceLoader resources;
  private final String configuredFile;
  private final boolean atStartup;
  private final ProcedureModelGenerator generator = new ProcedureModelGenerator();
  private final AtomicLong modelsGenerated = new AtomicLong();

  /**
   * The build of the generator: a hash of the classes whose code decides the generated model (and of the
   * BPMN model API's version). Any change to them makes the next import regenerate each row once.
   */
  static final String GENERATOR_FINGERPRINT = generatorFingerprint();

  public CatalogueImport(RepositoryService repositoryService, JdbcTemplate jdbc, PlatformTransactionManager tm,
      OrganisationDirectory directory, ProcedureCatalogue catalogue, ResourceLoader resources,
      ModelDeployer modelsFirst,
      @Value("${motcua.catalogue.file:}") String configuredFile,
      @Value("${motcua.catalogue.import-at-startup:true}") boolean atStartup) {
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(tm);
    this.validator = new CatalogueValidator(directory);
    this.catalogue = catalogue;
    this.resources = resources;
    this.configuredFile = configuredFile;
    this.atStartup = atStartup;
  }

  /** At start-up, after the models of processes/ (the blocks the generated models call) are deployed. */
  @EventListener(ApplicationReadyEvent.class)
  public void importAtStartup() {
    if (!atStartup || configuredFile == null || configuredFile.isBlank()) {
      log.info("Catalogue import at start-up is off (motcua.catalogue.file, motcua.catalogue.import-at-startup)");
      return;
    }
    long started = System.nanoTime();
    long generatedBefore = modelsGenerated.get();
    ImportReport report = importConfigured();
    log.info("Catalogue {} imported at start-up in {} ms: {} ({} models generated)", configuredFile,
        (System.nanoTime() - started) / 1_000_000, report.summary(), modelsGenerated.get() - generatedBefore);
  }

  /** Imports the configured file ({@code motcua.catalogue.file}). */
  public ImportReport importConfigured() {
    if (configuredFile == null || configuredFile.isBlank()) {
      throw new CatalogueFile.CatalogueException("Chưa cấu hình tệp danh mục thủ tục (motcua.catalogue.file).");
    }
    Resource resource = resources.getResource(configuredFile);
    try (InputStream in = resource.getInputStream()) {
      return importFile(CatalogueFile.read(in), configuredFile);
    } catch (IOException e) {
      throw new CatalogueFile.CatalogueException("Không đọc được tệp danh mục " + configuredFile + ": " + e.getMessage());
    }
  }

  public ImportReport importFile(CatalogueFile file, String source) {
    List<CatalogueRow> rows = file.procedures();
    List<List<String>> problems = validator.check(rows);
    Map<String, String> handMade = handMadeCodes();
    List<ImportReport.Row> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      CatalogueRow row = rows.get(i);
      String code = row == null || row.code() == null ? null : row.code().strip();
      String name = row == null ? null : row.name();
      if (!problems.get(i).isEmpty()) {
        result.add(new ImportReport.Row(i + 1, code, name, null, ImportReport.Outcome.REFUSED, null,
            "Dòng " + (i + 1) + " không được nhập: " + String.join("; ", problems.get(i)), problems.get(i)));
        continue;
      }
      if (handMade.containsKey(code)) {
        result.add(new ImportReport.Row(i + 1, code, name, handMade.get(code), ImportReport.Outcome.HAND_MADE, null,
            "Thủ tục " + code + " đã có quy trình mẫu '" + handMade.get(code) + "' (processes/): giữ quy trình mẫu, "
                + "không sinh quy trình từ danh mục", List.of()));
        continue;
      }
      result.add(importRow(i + 1, row));
    }
    ImportReport report = new ImportReport(source, List.copyOf(result));
    for (ImportReport.Row r : report.rows()) {
      if (r.outcome() == ImportReport.Outcome.REFUSED || r.outcome() == ImportReport.Outcome.REFINED_KEPT) {
        log.warn("Catalogue {}: {}", source, r.message());
      }
    }
    return report;
  }

  private ImportReport.Row importRow(int line, CatalogueRow row) {
    String code = row.code().strip();
    String key = ProcedureModelGenerator.processKey(code);
    String rowHash = ProcedureModelGenerator.rowHash(row);
    Map<String, Object> record = jdbc.queryForList("SELECT * FROM catalogue_procedure WHERE code = ?", code)
        .stream().findFirst().map(CatalogueImport::lowerKeys).orElse(null);
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    if (record != null && latest != null && latest.getId().equals(record.get("definition_id"))
        && rowHash.equals(record.get("row_hash")) && GENERATOR_FINGERPRINT.equals(record.get("generator_fingerprint"))) {
      return unchanged(line, row, key, latest);
    }
    byte[] xml;
    try {
      xml = Bpmn.convertToString(generator.generate(row)).getBytes(StandardCharsets.UTF_8);
      modelsGenerated.incrementAndGet();
    } catch (RuntimeException e) {
      log.error("Catalogue row {} ({}): the model cannot be generated", line, code, e);
      return refused(line, row, key, "không sinh được quy trình: " + e.getMessage());
    }
    String modelHash = sha256(xml);
    if (latest != null) {
      String deployedHash = sha256(resource(latest));
      if (record == null || !deployedHash.equals(record.get("model_hash"))) {
        Deployment from = repositoryService.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult();
        return new ImportReport.Row(line, code, row.name(), key, ImportReport.Outcome.REFINED_KEPT, latest.getVersion(),
            "Thủ tục " + code + ": phiên bản " + latest.getVersion() + " đang dùng đã được chỉnh sửa sau khi sinh"
                + (from == null ? "" : " (triển khai '" + from.getName() + "')")
                + "; giữ nguyên, không ghi đè bằng dữ liệu danh mục", List.of());
      }
      if (modelHash.equals(record.get("model_hash"))) {
        // the same model: remember this row and this generator, so that the next import need not generate it
        jdbc.update("UPDATE catalogue_procedure SET row_hash = ?, generator_fingerprint = ?, definition_id = ? "
            + "WHERE code = ? AND model_hash = ?", rowHash, GENERATOR_FINGERPRINT, latest.getId(), code, modelHash);
        return unchanged(line, row, key, latest);
      }
    }
    String oldHash = record == null ? null : (String) record.get("model_hash");
    try {
      ProcessDefinition deployed = transaction.execute(status -> {
        DeploymentWithDefinitions d = repositoryService.createDeployment()
            .name(DEPLOYMENT_PREFIX + code)
            .source(DEPLOYMENT_SOURCE)
            .addInputStream(ProcedureModelGenerator.resourceName(code), new ByteArrayInputStream(xml))
            .deployWithResult();
        ProcessDefinition def = d.getDeployedProcessDefinitions().get(0);
        Timestamp now = Timestamp.from(Instant.now());
        int updated = oldHash == null
            ? jdbc.update("INSERT INTO catalogue_procedure (code, process_key, row_hash, model_hash, definition_id, "
                + "version, imported_at, generator_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", code, key, rowHash,
                modelHash, def.getId(), def.getVersion(), now, GENERATOR_FINGERPRINT)
            : jdbc.update("UPDATE catalogue_procedure SET row_hash = ?, model_hash = ?, definition_id = ?, version = ?, "
                + "imported_at = ?, generator_fingerprint = ? WHERE code = ? AND model_hash = ?", rowHash, modelHash,
                def.getId(), def.getVersion(), now, GENERATOR_FINGERPRINT, code, oldHash);
        if (updated != 1) {
          throw new IllegalStateException("catalogue_procedure " + code + " changed meanwhile (another node's import)");
        }
        return def;
      });
      boolean first = latest == null;
      return new ImportReport.Row(line, code, row.name(), key,
          first ? ImportReport.Outcome.DEPLOYED : ImportReport.Outcome.NEW_VERSION, deployed.getVersion(),
          "Thủ tục " + code + (first ? " đã được sinh và triển khai" : " thay đổi: đã triển khai phiên bản mới")
              + " (phiên bản " + deployed.getVersion() + ", dạng " + row.shape() + ")", List.of());
    } catch (RuntimeException e) {
      log.error("Catalogue row {} ({}): deployment refused", line, code, e);
      return refused(line, row, key, "hệ thống từ chối triển khai quy trình: " + e.getMessage());
    }
  }

  private static ImportReport.Row unchanged(int line, CatalogueRow row, String key, ProcessDefinition latest) {
    return new ImportReport.Row(line, row.code().strip(), row.name(), key, ImportReport.Outcome.UNCHANGED,
        latest.getVersion(), "Thủ tục " + row.code().strip() + " không thay đổi (phiên bản " + latest.getVersion() + ")",
        List.of());
  }

  /** How many models the imports of this node have generated (the rest were known unchanged without it). */
  public long modelsGenerated() {
    return modelsGenerated.get();
  }

  private static String generatorFingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      // OverdueVariables: the generator passes the stage-alert block its list of inputs
      for (Class<?> c : List.of(ProcedureModelGenerator.class, DiagramLayout.class, ProcedureShape.class,
          CatalogueRow.class, CatalogueRow.Document.class, CatalogueRow.Partner.class,
          vn.motcua.overdue.OverdueVariables.class)) {
        for (String name : List.of(c.getSimpleName(), c.getSimpleName() + "$1", c.getSimpleName() + "$2")) {
          String resource = (c.getEnclosingClass() == null ? "" : c.getEnclosingClass().getSimpleName() + "$") + name
              + ".class";
          try (InputStream in = c.getResourceAsStream(resource)) {
            if (in != null) {
              digest.update(resource.getBytes(StandardCharsets.UTF_8));
              digest.update(in.readAllBytes());
            }
          }
        }
      }
      String api = Bpmn.class.getPackage().getImplementationVersion();
      digest.update(String.valueOf(api).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the catalogue's model generator", e);
    }
  }

  private static ImportReport.Row refused(int line, CatalogueRow row, String key, String problem) {
    return new ImportReport.Row(line, row.code(), row.name(), key, ImportReport.Outcome.REFUSED, null,
        "Dòng " + line + " không được nhập: " + problem, List.of(problem));
  }

  /** Codes served by a hand-made model (a procedure whose key is not a generated one). */
  private Map<String, String> handMadeCodes() {
    Map<String, String> codes = new HashMap<>();
    for (Procedure p : catalogue.list()) {
      if (!p.key().startsWith("Procedure_TTHC_")) {
        codes.put(p.code(), p.key());
      }
    }
    return codes;
  }

  private byte[] resource(ProcessDefinition def) {
    try (InputStream in = repositoryService.getResourceAsStream(def.getDeploymentId(), def.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + def.getResourceName(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> lowerKeys(Map<String, Object> row) {
    Map<String, Object> result = new HashMap<>();
    row.forEach((k, v) -> result.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return result;
  }
}
