package vn.motcua.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's HTML error report valve (and of the one Spring Boot
 * adds), so that even a request refused by the connector is answered in JSON. Runs after Spring Boot's
 * own customizer, whose valve it removes.
 */
@Configuration
public class JsonErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
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
}
