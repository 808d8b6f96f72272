package vn.motcua.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.web.DatabaseUnavailable;

/**
 * The engine wraps an exception thrown by a task listener into a generic engine error, which the REST
 * API reports as 500. The officers' form validators throw {@link BadUserRequestException} with a
 * Vietnamese message; this mapper unwraps it so Tasklist and API clients get 400 and that message
 * alone. A database outage inside is 503 ({@link DatabaseUnavailable}), a concurrent change 409
 * ({@link TaskConflicts}). Every other error is left to Camunda's own handler.
 */
@Priority(1)
public class TaskValidationExceptionMapper implements ExceptionMapper<ProcessEngineException> {
  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    Response outage = DatabaseUnavailable.restOutageAnswer(exception);
    if (outage != null) {
      return outage;
    }
    Response unwrapped = validationResponse(exception);
    Response conflict = unwrapped == null ? TaskConflicts.conflictResponse(exception) : null;
    return unwrapped != null ? unwrapped : conflict != null ? conflict : camunda.toResponse(exception);
  }

  /** 400 with the validator's message when a {@link BadUserRequestException} is inside, else null. */
  static Response validationResponse(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException bad && t != exception) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "BadUserRequestException");
        body.put("message", bad.getMessage());
        body.put("code", bad.getCode());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** The REST API wraps a failed task completion into a RestException (500); unwrap it the same way. */
  @Priority(1)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response outage = DatabaseUnavailable.restOutageAnswer(exception);
      if (outage != null) {
        return outage;
      }
      Response unwrapped = validationResponse(exception);
      if (unwrapped == null) {
        unwrapped = badVariablesResponse(exception);
      }
      Response conflict = unwrapped == null ? TaskConflicts.conflictResponse(exception) : null;
      return unwrapped != null ? unwrapped : conflict != null ? conflict : camunda.toResponse(exception);
    }
  }

  /**
   * A task completion whose variables the REST API cannot read (a value that does not convert to its
   * declared type, an unknown type): 400 as Camunda answers, with a Vietnamese reason; Camunda's English
   * text stays in {@code detail} for the integrator.
   */
  static Response badVariablesResponse(RestException exception) {
    String message = exception.getMessage();
    if (!(exception instanceof InvalidRequestException) || exception.getStatus() != Response.Status.BAD_REQUEST
        || message == null || !(message.startsWith("Cannot complete task") || message.startsWith("Cannot submit task form"))) {
      return null;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", "Chưa hoàn thành được công việc: có giá trị gửi lên không đúng kiểu hoặc định dạng. "
        + "Cần gửi lại biểu mẫu với giá trị hợp lệ.");
    body.put("detail", message);
    body.put("code", 0);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /**
   * A delegate's own SQL (Spring's JDBC) chosen as a deadlock victim or meeting a lock it could not get
   * reaches the REST API unwrapped: 409 as for the engine's conflicts, not Camunda's 500.
   */
  @Priority(1)
  public static class DataConflictMapper implements ExceptionMapper<org.springframework.dao.ConcurrencyFailureException> {
    @Override
    public Response toResponse(org.springframework.dao.ConcurrencyFailureException exception) {
      return TaskConflicts.conflictResponse(exception);
    }
  }

  @Configuration
  static class Registration {
    @Bean
    ResourceConfigCustomizer taskValidationExceptionMapper() {
      return config -> {
        config.register(TaskValidationExceptionMapper.class);
        config.register(RestExceptionMapper.class);
        config.register(DataConflictMapper.class);
      };
    }
  }
}
