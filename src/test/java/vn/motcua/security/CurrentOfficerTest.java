package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import vn.motcua.web.ApiException;

/** The logged-in officer as a controller parameter, read from the request in one place. */
class CurrentOfficerTest {
  private final CurrentOfficer.Resolver resolver = new CurrentOfficer.Resolver();

  @SuppressWarnings("unused")
  void handler(Officer officer, String other) {}

  private static MethodParameter parameter(int index) throws NoSuchMethodException {
    return new MethodParameter(
        CurrentOfficerTest.class.getDeclaredMethod("handler", Officer.class, String.class), index);
  }

  @Test
  void an_officer_parameter_gets_the_authenticated_officer() throws Exception {
    Officer officer = new Officer("cv.minh", List.of("tq-minhxuan.specialist"), List.of());
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAttribute(Officer.REQUEST_ATTRIBUTE, officer);
    assertThat(resolver.supportsParameter(parameter(0))).isTrue();
    assertThat(resolver.supportsParameter(parameter(1))).isFalse();
    assertThat(resolver.resolveArgument(parameter(0), null, new ServletWebRequest(request), null)).isSameAs(officer);
  }

  @Test
  void without_an_authenticated_officer_the_request_is_refused_with_403() {
    assertThatThrownBy(() -> resolver.resolveArgument(parameter(0), null,
        new ServletWebRequest(new MockHttpServletRequest()), null))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
          assertThat(e.getMessage()).isEqualTo("Cần đăng nhập bằng tài khoản cán bộ.");
        });
  }
}
