package vn.motcua.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/**
 * Every path of the petition process (processes/petition.bpmn): in scope with a clarification and a send-back,
 * forwarded to the competent agency, a duplicate linked to the open petition, not in scope, and late steps
 * reminded, escalated and charged to their unit. The engine clock moves; due jobs run as the job executor
 * would; nothing sleeps.
 */
@MotCuaSpringTest
class PetitionPathsTest extends PetitionTestSupport {

  private List<String> events(Petition p) {
    return petitions.events(p.id()).stream().map(PetitionEvent::type).toList();
  }

  @Test
  void petition_in_scope_is_clarified_sent_back_decided_answered_published_and_archived() {
    Petition p = submitted("tq-minhxuan", "Đề nghị bỏ yêu cầu bản sao chứng thực sổ hộ khẩu",
        "Thủ tục đăng ký hộ kinh doanh tại phường vẫn yêu cầu bản sao sổ hộ khẩu dù sổ đã bị bãi bỏ. Liên hệ Trần Thị Bích 0987654321.");
    assertThat(instance(p)).isWaitingAt("Task_Classify");
    Task classify = task(p, "Task_Classify");
    assertThat(candidateGroups(classify)).containsExactly("tq-minhxuan.reception");
    assertThat(p.code()).startsWith("PAKN-000.01.30.H60-");
    assertThat(petitions.fileNames(p.id())).containsExactly("anh-chup.pdf");

    // the form is checked: no classification, then in scope without a category
    assertThat(complete("mc.hung", classify, var("classification", "IN_SCOPE")).getStatusCode().value()).isEqualTo(400);
    assertThat(complete("mc.hung", classify, "").getBody()).contains("Cần chọn kết quả phân loại");
    classify(p, "mc.hung", vars(var("classification", "IN_SCOPE"), var("petitionCategory", "REGULATION")));
    assertThat(reload(p).category()).isEqualTo(Petition.Category.REGULATION);
    assertThat(reload(p).answerDueAt()).isNotNull();

    Task process = task(p, "Task_Process");
    assertThat(candidateGroups(process)).containsExactly("tq-minhxuan.specialist");
    // proposing needs every review criterion
    assertThat(complete("cv.minh", process, vars(var("processOutcome", "PROPOSE"), var("proposedAnswer", "Đồng ý")))
        .getBody()).contains("sự cần thiết");
    completeOk("cv.minh", process, vars(var("processOutcome", "CLARIFY"),
        var("clarificationQuestions", "Ông/bà cho biết đã nộp hồ sơ vào ngày nào và cán bộ nào yêu cầu bản sao?")));
    assertThat(reload(p).status()).isEqualTo(PetitionStatus.AWAITING_CLARIFICATION);
    assertThat(instance(p)).isWaitingAt("Gateway_AwaitClarification");

    // the petitioner clarifies on the public page: a wrong phone is the same 404 as an unknown code
    assertThat(postJson("/api/public/petitions/" + p.code() + "/clarification",
        "{\"phone\": \"0911111111\", \"text\": \"Ngày 02/3\"}").getStatusCode().value()).isEqualTo(404);
    ResponseEntity<Map> clarified = postJson("/api/public/petitions/" + p.code() + "/clarification",
        "{\"phone\": \"0987654321\", \"text\": \"Tôi nộp ngày 02/3/2026 tại quầy số 2.\"}");
    assertThat(clarified.getStatusCode().value()).as(String.valueOf(clarified.getBody())).isEqualTo(200);
    assertThat(reload(p).status()).isEqualTo(PetitionStatus.IN_PROGRESS);
    assertThat(events(p)).contains("CLARIFICATION_REQUESTED", "CLARIFIED");
    // not waiting any more: a second clarification is refused
    assertThat(postJson("/api/public/petitions/" + p.code() + "/clarification",
        "{\"phone\": \"0987654321\", \"text\": \"Thêm\"}").getStatusCode().value()).isEqualTo(409);

    propose(p, "cv.minh", "Phường đã bỏ yêu cầu bản sao sổ hộ khẩu từ ngày 01/3/2026; xin lỗi bà Trần Thị Bích.");
    Task decide = task(p, "Task_Decide");
    assertThat(candidateGroups(decide)).containsExactly("tq-minhxuan.leader");
    assertThat(complete("ld.thao", decide, var("decision", "SEND_BACK")).getBody()).contains("lý do trả lại");
    completeOk("ld.thao", decide, vars(var("decision", "SEND_BACK"), var("sendBackReason", "Nêu rõ văn bản bãi bỏ.")));
    assertThat(events(p)).contains("SENT_BACK");
    propose(p, "cv.minh", "Theo Luật Cư trú 2020, sổ hộ khẩu không còn giá trị từ 01/01/2023; phường đã bỏ yêu cầu này. "
        + "Trả lời bà Trần Thị Bích, điện thoại 0987654321, email bich.tran@example.vn.");
    approve(p, "ld.thao");

    // the answer runs after the leader's click (asynchronous, retried)
    assertThat(instance(p)).isWaitingAt("Task_Answer");
    assertThat(runDueJobs(p)).isEqualTo(1);
    assertThat(instance(p)).isEnded();
    Petition done = reload(p);
    assertThat(done.status()).isEqualTo(PetitionStatus.ARCHIVED);
    assertThat(done.answeredOnTime()).isTrue();
    assertThat(done.answerText()).contains("Trần Thị Bích");
    assertThat(done.publishedText()).doesNotContain("Trần Thị Bích", "0987654321", "bich.tran@example.vn")
        .contains("Luật Cư trú");
    assertThat(events(p)).contains("NOTICE_RECEIVED", "NOTICE_CLARIFY", "NOTICE_ANSWERED", "PUBLISHED", "ARCHIVED");
    assertThat(petitions.steps(p.id())).extracting(PetitionStepRecord::step).containsExactly(PetitionStep.CLASSIFY,
        PetitionStep.PROCESS, PetitionStep.PROCESS, PetitionStep.DECIDE, PetitionStep.PROCESS, PetitionStep.DECIDE);
    assertThat(petitions.steps(p.id())).allMatch(s -> Boolean.FALSE.equals(s.late()));

    // published, masked, on the public API
    ResponseEntity<Map> published = rest.getForEntity("/api/public/petitions/answers/" + p.code(), Map.class);
    assertThat(published.getStatusCode().value()).isEqualTo(200);
    assertThat(published.getBody().toString()).doesNotContain("Bích", "0987654321", "Tân Trào");
  }

  @Test
  void petition_to_an_agency_that_is_not_competent_is_forwarded_answered_and_published_end_to_end() {
    Instant before = petitions.now();
    // online, no unit named: the provincial service centre receives it
    Petition p = submitted(null, "Kiến nghị rút ngắn thời hạn cấp phiếu lý lịch tư pháp",
        "Thời hạn 10 ngày làm việc cấp phiếu lý lịch tư pháp là quá dài, đề nghị rút xuống 5 ngày khi nộp trực tuyến.");
    assertThat(p.receivingUnit()).isEqualTo("tq-ttpvhcc");
    assertThat(candidateGroups(task(p, "Task_Classify"))).containsExactly("tq-ttpvhcc.reception");
    // the centre has no specialists: it cannot keep it, and must name a competent agency
    assertThat(complete("mc.lan", task(p, "Task_Classify"), vars(var("classification", "IN_SCOPE"),
        var("petitionCategory", "REGULATION"))).getBody()).contains("chuyển đến cơ quan có thẩm quyền");
    assertThat(complete("mc.lan", task(p, "Task_Classify"), vars(var("classification", "FORWARD"),
        var("petitionCategory", "REGULATION"), var("competentUnit", "tq-khong-co"))).getStatusCode().value())
        .isEqualTo(400);
    classify(p, "mc.lan", vars(var("classification", "FORWARD"), var("petitionCategory", "REGULATION"),
        var("competentUnit", "tq-stp")));
    Petition forwarded = reload(p);
    assertThat(forwarded.handlingUnit()).isEqualTo("tq-stp");
    assertThat(forwarded.forwardedAt()).isNotNull();
    assertThat(events(p)).contains("FORWARDED", "NOTICE_FORWARDED");
    assertThat(candidateGroups(task(p, "Task_Process"))).containsExactly("tq-stp.specialist");
    // the ward's specialist does not see it in Tasklist; the department's does
    assertThat(tasklist("cv.minh")).noneMatch(t -> p.code().equals(t.get("name")) || p.processInstanceId()
        .equals(t.get("processInstanceId")));
    assertThat(tasklist("cv.duc")).anyMatch(t -> p.processInstanceId().equals(t.get("processInstanceId")));

    propose(p, "cv.duc", "Sở Tư pháp ghi nhận và đã đề xuất rút ngắn thời hạn khi nộp trực tuyến.");
    approve(p, "ld.son");
    runDueJobs(p);
    assertThat(instance(p)).isEnded();
    Petition done = reload(p);
    assertThat(done.status()).isEqualTo(PetitionStatus.ARCHIVED);
    assertThat(done.answeredOnTime()).isTrue();

    // the petitioner follows it with the code and phone, and finds the answer
    ResponseEntity<Map> mine = postJson("/api/public/petitions/lookup",
        "{\"code\": \"" + p.code() + "\", \"phone\": \"0987 654 321\"}");
    assertThat(mine.getStatusCode().value()).isEqualTo(200);
    assertThat(mine.getBody().get("handlingUnitName")).isEqualTo("Sở Tư pháp tỉnh Tuyên Quang");
    assertThat((String) mine.getBody().get("answer")).contains("rút ngắn");
    // the public finds the published answer by a word
    ResponseEntity<List<Map<String, Object>>> found = rest.exchange("/api/public/petitions/answers?q=lý lịch tư pháp",
        HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(found.getBody()).anyMatch(a -> p.code().equals(a.get("code")));
    // counted for the department that answered
    PetitionTimeliness.Counts counts = petitions.answeredBetween("tq-stp", before, petitions.now().plusSeconds(1));
    assertThat(counts.answered()).isGreaterThanOrEqualTo(1);
    assertThat(counts.answeredOnTime()).isEqualTo(counts.answered());
  }

  private List<Map<String, Object>> tasklist(String user) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo").exchange(
        "/engine-rest/task?processDefinitionKey=Process_Petition", HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  @Test
  void duplicate_of_an_open_petition_is_linked_not_handled_twice() {
    String subject = "Phản ánh thái độ cán bộ tiếp nhận tại quầy số 3";
    String content = "Ngày 15/3 cán bộ quầy số 3 không hướng dẫn đầy đủ thành phần hồ sơ đăng ký khai sinh.";
    Petition first = submitted("tq-nongtien", subject, content);
    Petition second = submitted("tq-nongtien", subject, content);
    assertThat(runtimeService.getVariable(second.processInstanceId(), "possibleDuplicate")).isEqualTo(first.code());
    assertThat(complete("mc.tuan", task(second, "Task_Classify"), vars(var("classification", "DUPLICATE"),
        var("duplicateOfCode", second.code()))).getStatusCode().value()).isEqualTo(400);
    classify(second, "mc.tuan", vars(var("classification", "DUPLICATE"), var("duplicateOfCode", first.code())));
    assertThat(instance(second)).isEnded();
    assertThat(reload(second).status()).isEqualTo(PetitionStatus.DUPLICATE);
    assertThat(reload(second).duplicateOf()).isEqualTo(first.id());
    assertThat(petitions.duplicatesOf(first.id())).extracting(Petition::code).containsExactly(second.code());
    assertThat(events(first)).contains("DUPLICATE_LINKED");
    assertThat(instance(first)).isWaitingAt("Task_Classify");
    // a closed petition takes no duplicates
    classify(first, "mc.tuan", vars(var("classification", "OUT_OF_SCOPE"),
        var("outOfScopeAnswer", "Nội dung về thái độ cán bộ đã được chuyển bộ phận thanh tra theo quy chế.")));
    Petition third = submitted("tq-nongtien", subject, content);
    assertThat(complete("mc.tuan", task(third, "Task_Classify"), vars(var("classification", "DUPLICATE"),
        var("duplicateOfCode", first.code()))).getBody()).contains("đã kết thúc");
  }

  @Test
  void petition_not_in_scope_is_answered_and_closed() {
    Petition p = submitted("tq-hagiang1", "Đề nghị sửa đường ngõ 5",
        "Đường ngõ 5 tổ 12 bị hỏng nặng sau mưa lũ, đề nghị phường sửa chữa sớm.");
    assertThat(complete("mc.hung", task(p, "Task_Classify"), var("classification", "OUT_OF_SCOPE")).getStatusCode()
        .value()).isIn(400, 403, 404);
    classify(p, "demo", vars(var("classification", "OUT_OF_SCOPE"),
        var("outOfScopeAnswer", "Kiến nghị về hạ tầng không thuộc phạm vi phản ánh về quy định hành chính; "
            + "đã chuyển thông tin tới tổ dân phố để tổng hợp.")));
    assertThat(instance(p)).isEnded();
    Petition done = reload(p);
    assertThat(done.status()).isEqualTo(PetitionStatus.OUT_OF_SCOPE);
    assertThat(done.category()).isEqualTo(Petition.Category.OUT_OF_SCOPE);
    assertThat(done.answeredAt()).isNotNull();
    assertThat(done.publishedAt()).isNull();
  }

  @Test
  void late_steps_are_reminded_escalated_and_charged_to_the_unit_that_held_them() {
    clockAt("2026-03-02T09:00");
    Petition p = submitted("tq-minhxuan", "Thời hạn cấp giấy xác nhận cư trú",
        "Đề nghị công khai rõ thời hạn cấp giấy xác nhận thông tin cư trú tại bộ phận một cửa của phường.");
    Task classify = task(p, "Task_Classify");
    assertThat(classify.getDueDate().toInstant()).isEqualTo(at("2026-03-09T09:00"));

    // one working day before the deadline: the reception officers are reminded
    clockAt("2026-03-06T10:00");
    assertThat(runDueJobs(p)).isEqualTo(1);
    Task remind = task(p, "Task_RemindStep");
    assertThat(candidateGroups(remind)).containsExactly("tq-minhxuan.reception");
    completeOk("mc.hung", remind, "");
    // past the deadline: the ward's leaders and supervisors are told
    clockAt("2026-03-09T10:00");
    assertThat(runDueJobs(p)).isEqualTo(1);
    Task direct = task(p, "Task_DirectOverdue");
    assertThat(candidateGroups(direct)).containsExactlyInAnyOrder("tq-minhxuan.leader", "tq-minhxuan.supervisor");
    completeOk("ld.thao", direct, var("alertNote", "Phân loại ngay trong sáng nay."));
    classify(p, "mc.hung", vars(var("classification", "IN_SCOPE"), var("petitionCategory", "REGULATION")));

    // the specialist asks for a clarification; the petitioner never answers: after 10 working days it goes on
    completeOk("cv.minh", task(p, "Task_Process"), vars(var("processOutcome", "CLARIFY"),
        var("clarificationQuestions", "Ông/bà đề nghị công khai ở đâu: bảng niêm yết hay cổng thông tin?")));
    clockAt("2026-03-24T10:00");
    assertThat(runDueJobs(p)).isEqualTo(1);
    assertThat(events(p)).contains("CLARIFICATION_EXPIRED");
    Task process = task(p, "Task_Process");
    assertThat(process.getDueDate().toInstant()).isEqualTo(at("2026-04-07T10:00"));
    clockAt("2026-04-08T10:00");
    assertThat(runDueJobs(p)).isEqualTo(2);
    assertThat(tasks(p, "Task_RemindStep")).hasSize(1);
    assertThat(candidateGroups(tasks(p, "Task_RemindStep").get(0))).containsExactly("tq-minhxuan.specialist");
    assertThat(tasks(p, "Task_DirectOverdue")).hasSize(1);
    propose(p, "cv.minh", "Phường niêm yết thời hạn 1/2 ngày làm việc tại bảng tin và trên cổng dịch vụ công.");

    clockAt("2026-04-14T10:00");
    assertThat(runDueJobs(p)).isEqualTo(2);
    assertThat(tasks(p, "Task_DirectOverdue")).hasSize(2);
    approve(p, "ld.thao");
    runDueJobs(p);
    assertThat(instance(p)).isEnded(); // the reminders still open end with the petition
    assertThat(tasks(p, "Task_RemindStep")).isEmpty();

    Petition done = reload(p);
    assertThat(done.answeredOnTime()).isFalse();
    List<PetitionStepRecord> steps = petitions.steps(p.id());
    assertThat(steps).extracting(PetitionStepRecord::step).containsExactly(PetitionStep.CLASSIFY, PetitionStep.PROCESS,
        PetitionStep.PROCESS, PetitionStep.DECIDE);
    assertThat(steps).extracting(PetitionStepRecord::late).containsExactly(true, false, true, true);
    assertThat(steps).allMatch(s -> s.unit().equals("tq-minhxuan"));
    assertThat(steps.get(0).warnedAt()).isEqualTo(at("2026-03-06T10:00"));
    assertThat(steps.get(0).escalatedAt()).isEqualTo(at("2026-03-09T10:00"));
    assertThat(events(p)).contains("STEP_WARNING", "STEP_OVERDUE", "STEP_LATE");

    var figures = petitions.figures(at("2026-03-01T00:00"), at("2026-05-01T00:00"), java.util.Set.of("tq-minhxuan"));
    assertThat(figures).singleElement().satisfies(f -> {
      assertThat(f.lateSteps()).isGreaterThanOrEqualTo(3);
      assertThat(f.answeredLate()).isGreaterThanOrEqualTo(1);
    });
  }
}
