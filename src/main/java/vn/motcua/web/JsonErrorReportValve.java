package vn.motcua.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;

/**
 * Tomcat's last word on an error no servlet answered: the requests the connector refuses before any
 * servlet runs (an encoded slash, {@code %00}, {@code %ZZ}, {@code ../} above the root) and a
 * {@code sendError} left without body. Instead of Tomcat's HTML page, the project's JSON error with a
 * Vietnamese message ({@link HttpErrors}). Installed on the host by {@link JsonErrorPages}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  public JsonErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      byte[] body = HttpErrors.json(status, HttpErrors.message(status));
      response.resetBuffer();
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      ExceptionUtils.handleThrowable(e);
    }
  }
}
