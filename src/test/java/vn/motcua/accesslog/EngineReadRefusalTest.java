package vn.motcua.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.security.Officer;

/**
 * A read through Camunda's variable queries whose access-log entries cannot be written is refused: 500 with the
 * Vietnamese message, and the variables the engine answered are not shown ({@link EngineReadLogFilter}, shared
 * with {@link TaskReadLogFilter}). The engine is left out: the process instance in the answer maps to dossier 7.
 */
class EngineReadRefusalTest {
  static final String ANSWER = "[{\"name\":\"applicantName\",\"value\":\"Lê Thị Bình\",\"processInstanceId\":\"pi-1\"}]";

  private final AccessLog accessLog = mock(AccessLog.class);
  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final VariableReadLogFilter filter = new VariableReadLogFilter(accessLog, mock(RuntimeService.class),
      mock(HistoryService.class), identity, mock(OrganisationDirectory.class)) {
    @Override
    Map<String, Long> dossiersOf(Set<String> processInstanceIds) {
      return processInstanceIds.contains("pi-1") ? Map.of("pi-1", 7L) : Map.of();
    }
  };

  private MockHttpServletResponse query(String path) throws Exception {
    when(identity.createGroupQuery().groupMember("gs.nam").list()).thenReturn(List.of());
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.addHeader("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("gs.nam:demo".getBytes(StandardCharsets.UTF_8)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain engine = (req, res) -> {
      ((HttpServletResponse) res).setStatus(200);
      res.setContentType("application/json");
      res.setCharacterEncoding("UTF-8");
      res.getWriter().write(ANSWER);
    };
    filter.doFilter(request, response, engine);
    return response;
  }

  @Test
  void a_variable_query_is_shown_after_its_entry_and_refused_when_the_entry_cannot_be_written() throws Exception {
    MockHttpServletResponse shown = query("/engine-rest/variable-instance");
    assertThat(shown.getStatus()).isEqualTo(200);
    assertThat(shown.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(ANSWER);
    verify(accessLog).recordDossiers(any(Officer.class), eq(Set.of(7L)), eq(Screen.ENGINE_VARIABLES),
        eq("Cockpit / engine-rest: biến quy trình (POST /variable-instance)"));

    doThrow(new DataIntegrityViolationException("access_log: value too long")).when(accessLog)
        .recordDossiers(any(), any(), any(), any());
    MockHttpServletResponse refused = query("/engine-rest/engine/default/variable-instance");
    assertThat(refused.getStatus()).isEqualTo(500);
    String body = refused.getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).contains("Không ghi được nhật ký truy cập dữ liệu cá nhân; dữ liệu không được hiển thị.");
    assertThat(body).doesNotContain("Lê Thị Bình");
  }

  @Test
  void a_variable_query_whose_entry_meets_a_database_outage_answers_503_and_shows_nothing() throws Exception {
    doThrow(new DataAccessResourceFailureException("access_log unavailable")).when(accessLog)
        .recordDossiers(any(), any(), any(), any());
    MockHttpServletResponse refused = query("/engine-rest/variable-instance");
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
    String body = refused.getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).contains("không kết nối được cơ sở dữ liệu");
    assertThat(body).doesNotContain("Lê Thị Bình");
  }
}
