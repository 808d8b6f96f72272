package vn.motcua.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the project's HTTP API (springdoc): the public group ({@code /api/public/**},
 * for citizens and the national portal, no login) at {@code /v3/api-docs/public}, the officers' group
 * ({@code /api/**} behind HTTP Basic) at {@code /v3/api-docs/officers}; both browsable at
 * {@code /swagger-ui.html}. Camunda's own REST API ({@code /engine-rest}) is described by Camunda.
 */
@Configuration
public class OpenApiConfiguration {

  @Bean
  OpenAPI motCuaOpenApi() {
    return new OpenAPI().info(new Info()
        .title("Một Cửa — API dịch vụ công")
        .version("1")
        .description("Nộp hồ sơ trực tuyến, tra cứu tình trạng hồ sơ (cần mã hồ sơ và số điện thoại hoặc mã tra "
            + "cứu), gửi hồ sơ bổ sung, đánh giá, danh mục thủ tục và thống kê công khai. Lỗi trả về JSON "
            + "{status, error, message, fields} bằng tiếng Việt.")
        .license(new License().name("Dùng cho cơ quan nhà nước")));
  }

  @Bean
  GroupedOpenApi publicApi() {
    return GroupedOpenApi.builder().group("public").displayName("API công khai (công dân, Cổng DVC)")
        .pathsToMatch("/api/public/**").addOpenApiCustomizer(OpenApiConfiguration::namedTags).build();
  }

  @Bean
  GroupedOpenApi officersApi() {
    return GroupedOpenApi.builder().group("officers").displayName("API cán bộ (đăng nhập)")
        .pathsToMatch("/api/**").pathsToExclude("/api/public/**")
        .addOpenApiCustomizer(api -> {
          api.info(new Info()
              .title("Một Cửa — API cán bộ / officers' API")
              .version("1")
              .description("Dành cho cán bộ Bộ phận Một cửa, chuyên viên, lãnh đạo, cán bộ giám sát và quản trị, "
                  + "đăng nhập bằng HTTP Basic với tài khoản Camunda. Đăng ký hồ sơ tại quầy, tìm kiếm và xem hồ "
                  + "sơ của đơn vị mình, in phiếu (mẫu 01–06), báo cáo và chỉ số giám sát, lịch làm việc và tổng "
                  + "hợp báo cáo. Các bước xử lý hồ sơ (kiểm tra, thẩm định, phê duyệt, trả kết quả) hoàn thành "
                  + "qua Camunda Tasklist hoặc /engine-rest. Lỗi trả về JSON {status, error, message, fields} bằng "
                  + "tiếng Việt.\n\nFor the one-stop officers, specialists, leaders, supervisors and administrators "
                  + "(HTTP Basic, Camunda accounts): counter registration, the unit's dossiers, printed slips, "
                  + "reports, the working calendar and the report roll-up. Tasks are completed through Camunda "
                  + "Tasklist or /engine-rest.")
              .license(new License().name("Dùng cho cơ quan nhà nước")));
          namedTags(api);
        })
        .build();
  }

  /** Each controller's group: its Vietnamese name and a summary in Vietnamese and English. */
  static final Map<String, Tag> TAGS = Map.ofEntries(
      tag("dossier-controller", "Hồ sơ", "Đăng ký hồ sơ tại quầy, tìm kiếm, xem hồ sơ với phiếu kiểm soát, "
          + "nhận hồ sơ bổ sung. / Counter registration, search, a dossier with its control log, supplements."),
      tag("print-controller", "In phiếu", "Phiếu 01–05 của một hồ sơ (A5) và sổ theo dõi 06 (A4), dạng PDF. / "
          + "Slips 01–05 of a dossier and the tracking ledger 06 as PDF."),
      tag("report-controller", "Báo cáo giám sát", "Báo cáo tình hình giải quyết TTHC (mẫu 06a), tỷ lệ đúng hạn, "
          + "chỉ số chất lượng, danh sách quá hạn và sắp đến hạn, xuất Excel/CSV. / Resolution report, on-time "
          + "rate, indicators, overdue and due-soon lists, exports."),
      tag("evaluation-controller", "Đánh giá giải quyết TTHC", "Chín chỉ số theo Thông tư 01/2018/TT-VPCP và "
          + "các thành phần của Quyết định 766/QĐ-TTg theo quý, năm; hồ sơ sau mỗi điểm; xuất Excel. / Circular "
          + "01/2018's nine indices and Decision 766's components, the dossiers behind each score, export."),
      tag("report-rollup-controller", "Tổng hợp báo cáo (quản trị)", "Kiểm tra và dựng lại bảng tổng hợp của "
          + "các hồ sơ đã đóng. / Check and rebuild the roll-up of sealed dossiers."),
      tag("calendar-admin-controller", "Lịch làm việc (quản trị)", "Ngày nghỉ lễ, ngày làm bù, ngày làm việc "
          + "của năm. / Holidays, make-up working days, the year's working days."),
      tag("procedure-controller", "Thủ tục hành chính", "Danh mục thủ tục đang tiếp nhận. / The procedures "
          + "received."),
      tag("dossier-file-controller", "Tệp của hồ sơ", "Tải tệp người nộp gửi trực tuyến. / Files uploaded with "
          + "an online dossier."),
      tag("digitisation-controller", "Số hóa hồ sơ", "Tình trạng số hóa các thành phần hồ sơ giấy, đính kèm bản quét "
          + "khi tiếp nhận. / Digitisation of a paper dossier's documents at reception."),
      tag("result-file-controller", "Kết quả điện tử", "Tải kết quả giải quyết đã ký số bằng mã hồ sơ và mã tra cứu. / "
          + "Download the signed electronic result with the code and the lookup PIN."),
      tag("office-zone-controller", "Múi giờ", "Múi giờ của cơ quan, dùng để hiển thị mọi thời gian. / The "
          + "office's time zone every time is shown in."),
      tag("procedure-migration-controller", "Chuyển phiên bản quy trình (quản trị)", "Chuyển hồ sơ đang giải "
          + "quyết sang phiên bản mới của thủ tục: kế hoạch, chạy thử, thực hiện và lịch sử. / Migrate running "
          + "dossiers to a new version of a procedure: plan, dry run, batch and record."),
      tag("portal-admin-controller", "Đồng bộ Cổng Dịch vụ công quốc gia (quản trị)", "Hàng đợi sự kiện trạng "
          + "thái, sự kiện bị Cổng từ chối, gửi lại một hồ sơ hoặc một khoảng thời gian. / Status sync to the "
          + "national portal: the queue, dead letters, re-send of a dossier or a period."),
      tag("catalogue-controller", "Danh mục thủ tục (nhập, tìm kiếm)", "Nhập danh mục thủ tục hành chính của tỉnh "
          + "và sinh quy trình; tìm thủ tục theo mã hoặc tên, có hoặc không dấu. / Import the province's catalogue "
          + "and generate procedures; find a procedure by code or name, with or without diacritics."));

  private static Map.Entry<String, Tag> tag(String generated, String name, String description) {
    return Map.entry(generated, new Tag().name(name).description(description));
  }

  /** Replaces springdoc's generated tags ("dossier-controller") by {@link #TAGS}. */
  static void namedTags(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    Map<String, Tag> used = new TreeMap<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
      if (op.getTags() == null) {
        return;
      }
      op.setTags(op.getTags().stream().map(t -> {
        Tag named = TAGS.get(t);
        if (named != null) {
          used.put(named.getName(), named);
          return named.getName();
        }
        return t;
      }).toList());
    }));
    List<Tag> tags = new ArrayList<>(api.getTags() == null ? List.of() : api.getTags());
    tags.removeIf(t -> TAGS.containsKey(t.getName()));
    used.values().forEach(t -> {
      if (tags.stream().noneMatch(x -> x.getName().equals(t.getName()))) {
        tags.add(t);
      }
    });
    api.setTags(tags);
  }
}
