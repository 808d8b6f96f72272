package vn.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of every password check: HTTP Basic on {@code /engine-rest/*},
 * {@code /api/*} (not the public {@code /api/public/*}) and {@code /actuator/prometheus}, and the webapps' login
 * form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A source that must wait is answered 429
 * with {@code Retry-After} and a Vietnamese JSON message before its password is checked; otherwise the request
 * goes on, and its answer (401: wrong password) counts as a failure or a success of that source and account.
 * Requests without a password (a webapp session, the public API) pass untouched.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final LoginThrottle throttle;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> account = account(request);
    if (account.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String source = source(request);
    LoginThrottle.Check check = throttle.check(source, account.get());
    if (check.blocked()) {
      refuse(response, check.waitFor());
      return;
    }
    StatusCapture capture = new StatusCapture(response);
    chain.doFilter(request, capture);
    if (capture.status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(source, account.get());
    } else if (check.known() && capture.status < 400) {
      throttle.succeeded(source, account.get());
    }
  }

  /** The account whose password this request carries, if it carries one. */
  static Optional<String> account(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
      String user = request.getParameter("username");
      return Optional.of(user == null ? "" : user);
    }
    if (path.startsWith("/api/public/") || path.equals("/api/public")) {
      return Optional.empty();
    }
    if (path.startsWith("/engine-rest/") || path.startsWith("/api/") || path.equals("/actuator/prometheus")) {
      return ApiAuthenticationFilter.basicCredentials(request).map(c -> c[0]);
    }
    return Optional.empty();
  }

  private String source(HttpServletRequest request) {
    if (throttle.properties().trustForwardedFor()) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String first = forwarded.split(",")[0].strip();
        if (!first.isEmpty() && first.length() <= 64) {
          return first;
        }
      }
    }
    return request.getRemoteAddr();
  }

  private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader("Retry-After", String.valueOf(seconds));
    String when = seconds < 60 ? seconds + " giây" : ((seconds + 59) / 60) + " phút";
    ApiErrors.write(response, 429, "too_many_login_attempts",
        "Đăng nhập sai nhiều lần từ máy này. Vui lòng kiểm tra tên đăng nhập, mật khẩu và thử lại sau " + when + ".");
  }

  /** Remembers the status the rest of the chain answered. */
  static final class StatusCapture extends HttpServletResponseWrapper {
    int status = HttpServletResponse.SC_OK;

    StatusCapture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      status = sc;
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      status = sc;
      super.sendError(sc, msg);
    }
  }
}
