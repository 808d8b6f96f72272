package vn.motcua.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class CalendarAdminControllerTest {

  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    CalendarDayRepository repo = new CalendarDayRepository(TestCalendars.h2("ctl", false));
    WorkingCalendar calendar =
        new WorkingCalendar(CalendarProperties.defaults(), new DefaultResourceLoader(), repo);
    mvc = MockMvcBuilders.standaloneSetup(new CalendarAdminController(calendar))
        .setControllerAdvice(new vn.motcua.web.ApiExceptionHandler())
        .defaultResponseCharacterEncoding(StandardCharsets.UTF_8)
        .build();
  }

  @Test
  void listsDaysOfAYearWithTheirSource() throws Exception {
    mvc.perform(get("/api/admin/calendar/days").param("year", "2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.published").value(true))
        .andExpect(jsonPath("$.days[?(@.date=='2026-08-22')].kind").value(hasItem("MAKEUP_WORKING_DAY")))
        .andExpect(jsonPath("$.days[?(@.date=='2026-02-17')].source").value(hasItem("FILE")));
    mvc.perform(get("/api/admin/calendar/days").param("year", "2030"))
        .andExpect(jsonPath("$.published").value(false))
        .andExpect(jsonPath("$.days[0].source").value("COMPUTED"));
  }

  @Test
  void addAndDeleteAnAdminDay() throws Exception {
    mvc.perform(post("/api/admin/calendar/days").contentType(MediaType.APPLICATION_JSON)
            .content("{\"date\":\"2026-03-06\",\"kind\":\"DAY_OFF\",\"name\":\"Nghỉ đột xuất\",\"note\":\"Công văn 1/UBND\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.source").value("ADMIN"));
    mvc.perform(get("/api/admin/calendar/days").param("year", "2026"))
        .andExpect(jsonPath("$.days[?(@.date=='2026-03-06')].source").value(hasItem("ADMIN")));
    mvc.perform(get("/api/admin/calendar/working-days").param("from", "2026-03-05T17:30:00+07:00").param("days", "1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deadline").value("2026-03-09T17:30+07:00"));
    mvc.perform(delete("/api/admin/calendar/days/2026-03-06")).andExpect(status().isNoContent());
    mvc.perform(delete("/api/admin/calendar/days/2026-03-06"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.message").value(containsString("Không có ngày")));
  }

  @Test
  void unknownKindIsRejectedInVietnamese() throws Exception {
    mvc.perform(post("/api/admin/calendar/days").contentType(MediaType.APPLICATION_JSON)
            .content("{\"date\":\"2026-03-06\",\"kind\":\"HOLIDAY\",\"name\":\"Nghỉ\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.message").value("Dữ liệu ngày không hợp lệ."))
        .andExpect(jsonPath("$.fields.kind").value(containsString("Loại ngày không hợp lệ")));
  }

  @Test
  void badDateAndBlankNameAreRejected() throws Exception {
    mvc.perform(post("/api/admin/calendar/days").contentType(MediaType.APPLICATION_JSON)
            .content("{\"date\":\"2026-02-30\",\"kind\":\"DAY_OFF\",\"name\":\"  \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.date").value(containsString("Ngày không hợp lệ")))
        .andExpect(jsonPath("$.fields.name").value("Tên ngày là bắt buộc."));
    mvc.perform(post("/api/admin/calendar/days").contentType(MediaType.APPLICATION_JSON).content("{oops"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(containsString("không phải JSON hợp lệ")));
    mvc.perform(get("/api/admin/calendar/working-days").param("from", "2026-03-05").param("days", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(containsString("không được là số âm")));
  }

  @Test
  void statusEndpoint() throws Exception {
    mvc.perform(get("/api/admin/calendar/status"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.holidayFile").value("classpath:calendar/holidays-vn.json"))
        .andExpect(jsonPath("$.lastReloadError").doesNotExist());
  }
}
