package vn.motcua.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.dossier.DossierTestSupport;

/** Shared steps of the petition tests: submit through the public API, act as officers, move the clock. */
abstract class PetitionTestSupport extends DossierTestSupport {
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  @Autowired PetitionService petitions;

  static String newClient() {
    int n = CLIENTS.incrementAndGet();
    return "10.88." + (n / 250) + "." + (n % 250 + 1);
  }

  static String petitionJson(String unit, String subject, String content) {
    return """
        {%s"name": "Trần Thị Bích", "phone": "0987654321", "email": "bich.tran@example.vn",
         "address": "Số 7 ngõ 3 đường Tân Trào, phường Minh Xuân",
         "subject": "%s", "content": "%s"}
        """.formatted(unit == null ? "" : "\"unit\": \"" + unit + "\", ", subject, content);
  }

  ResponseEntity<Map> submit(String client, String key, String json, Map<String, byte[]> files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    if (json != null) {
      HttpHeaders h = new HttpHeaders();
      h.setContentType(MediaType.APPLICATION_JSON);
      body.add("petition", new HttpEntity<>(json, h));
    }
    files.forEach((name, bytes) -> {
      HttpHeaders h = new HttpHeaders();
      h.setContentType(MediaType.APPLICATION_OCTET_STREAM);
      body.add("files", new HttpEntity<>(new ByteArrayResource(bytes) {
        @Override
        public String getFilename() {
          return name;
        }
      }, h));
    });
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", client);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return rest.exchange("/api/public/petitions", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  /** Submits online and returns the petition. */
  Petition submitted(String unit, String subject, String content) {
    ResponseEntity<Map> r = submit(newClient(), null, petitionJson(unit, subject, content), Map.of("anh-chup.pdf", PDF));
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    Petition p = petitions.findByCode((String) r.getBody().get("code")).orElseThrow();
    instance(p);
    return p;
  }

  private final Map<String, ProcessInstance> instances = new java.util.HashMap<>();

  /** The petition's process instance (kept from its start, so that an ended one can be asserted). */
  ProcessInstance instance(Petition p) {
    return instances.computeIfAbsent(p.processInstanceId(),
        id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult());
  }

  ResponseEntity<Map> postJson(String url, String json) {
    HttpHeaders headers = json();
    headers.set("X-Forwarded-For", newClient());
    return rest.exchange(url, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
  }

  Petition reload(Petition p) {
    return petitions.get(p.id());
  }

  List<Task> tasks(Petition p, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(p.code()).taskDefinitionKey(key).list();
  }

  Task task(Petition p, String key) {
    List<Task> list = tasks(p, key);
    assertThat(list).as(key + " of " + p.code()).hasSize(1);
    return list.get(0);
  }

  List<String> candidateGroups(Task task) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  /** Runs the jobs of the petition's process that are due now (timers, the asynchronous answer). */
  int runDueJobs(Petition p) {
    int ran = 0;
    for (int round = 0; round < 20; round++) {
      Date now = ClockUtil.getCurrentTime();
      List<Job> due = managementService.createJobQuery().processInstanceId(p.processInstanceId()).list().stream()
          .filter(j -> j.getDuedate() == null || !j.getDuedate().after(now)).toList();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        ran++;
      }
    }
    throw new AssertionError("jobs keep coming");
  }

  void classify(Petition p, String user, String variables) {
    completeOk(user, task(p, "Task_Classify"), variables);
  }

  void propose(Petition p, String user, String answer) {
    completeOk(user, task(p, "Task_Process"), vars(var("processOutcome", "PROPOSE"),
        var("reviewNecessity", "Quy định yêu cầu bản sao chứng thực là không cần thiết khi đã có dữ liệu dân cư."),
        var("reviewLegality", "Phù hợp Luật Cư trú và Nghị định 61/2018/NĐ-CP."),
        var("reviewSimplicity", "Bỏ một thành phần hồ sơ giúp đơn giản thủ tục."),
        var("reviewFeasibility", "Khai thác được từ Cơ sở dữ liệu quốc gia về dân cư."),
        var("reviewConsistency", "Thống nhất với các thủ tục cùng lĩnh vực."),
        var("proposedAnswer", answer)));
  }

  void approve(Petition p, String user) {
    completeOk(user, task(p, "Task_Decide"), var("decision", "APPROVE"));
  }
}
