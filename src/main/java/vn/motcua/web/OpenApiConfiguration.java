package vn.motcua.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
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
        .pathsToMatch("/api/public/**").build();
  }

  @Bean
  GroupedOpenApi officersApi() {
    return GroupedOpenApi.builder().group("officers").displayName("API cán bộ (đăng nhập)")
        .pathsToMatch("/api/**").pathsToExclude("/api/public/**").build();
  }
}
