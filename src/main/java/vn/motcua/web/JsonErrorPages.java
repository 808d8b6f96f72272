package vn.motcua.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's HTML error report valve (and of the one Spring Boot
 * adds), so that even a request refused by the connector is answered in JSON. Runs after Spring Boot's
 * own customizer, whose valve it removes. TRACE, which Tomcat would refuse with an empty 405, is refused in
 * JSON by a filter in front of every servlet.
 */
@Configuration
public class JsonErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    // Tomcat refuses TRACE itself with an empty 405 that no valve sees; let it through to the filter below.
    factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        for (Valve v : host.getPipeline().getValves()) {
          if (v instanceof ErrorReportValve && !(v instanceof JsonErrorReportValve)) {
            host.getPipeline().removeValve(v);
          }
        }
        host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        host.getPipeline().addValve(new JsonErrorReportValve());
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /**
   * Refuses, before any servlet (the engine REST API and the webapps included), what no servlet should see:
   * TRACE (which could echo the request back; Tomcat's own refusal is an empty 405 no valve sees) with 405,
   * and a path whose percent-escapes are not two hex digits — Tomcat lets one through in a path parameter
   * ({@code /a;%uD800}), Spring then fails to decode it — with 400. Both in the JSON shape.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestLineGuard() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if ("TRACE".equalsIgnoreCase(request.getMethod())) {
          response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
          refuse(response, 405);
        } else if (BAD_ESCAPE.matcher(request.getRequestURI()).find()) {
          refuse(response, 400);
        } else {
          chain.doFilter(request, response);
        }
      }
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  /** A percent sign not followed by two hexadecimal digits. */
  static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private static void refuse(HttpServletResponse response, int status) throws IOException {
    byte[] body = HttpErrors.json(status, HttpErrors.message(status));
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
