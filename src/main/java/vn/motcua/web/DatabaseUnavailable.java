package vn.motcua.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The database cannot be reached (restarting, failing over, the pool timing out): every API answers
 * {@code 503 Service Unavailable} with {@code Retry-After} and the project's JSON error in Vietnamese, not
 * 500, so a client (the load balancer, the national portal, an officer's browser) can tell an outage from a
 * bug and try again. Recognised anywhere in the cause chain: Spring's {@link CannotGetJdbcConnectionException},
 * {@link CannotCreateTransactionException} and {@link DataAccessResourceFailureException}, Hikari's
 * {@link SQLTransientConnectionException} (no connection within the pool's timeout), an {@link SQLException}
 * of SQLState class {@code 08} (connection exception) or PostgreSQL's {@code 57P01}–{@code 57P03} (the server
 * shutting down or starting), also wrapped in Camunda's {@code ProcessEngineException} or MyBatis'. When Spring's
 * rollback fails after the statement did (the pool closed the broken connection meanwhile: "Connection is closed",
 * no SQLState), the {@link TransactionSystemException} thrown holds the statement's failure as its application
 * exception, and that one is looked at; when a commit failed so, the rollback's failure is thrown alone, and Hikari's
 * "Connection is closed" under a {@link TransactionSystemException} counts ({@link #evictedConnection}).
 *
 * <p>Three places answer: a {@link HandlerExceptionResolver} ordered before the controller advices (the
 * project API, {@code /api/**}); a servlet filter in front of every other filter (the authentication filters
 * read users from the database before any controller runs); JAX-RS mappers for Camunda's REST API
 * ({@code /engine-rest}). Every other error is left where it was.
 */
@Configuration
public class DatabaseUnavailable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
  static final String ERROR = "database_unavailable";
  static final String MESSAGE = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What {@code Retry-After} says: the database's restart or fail-over takes seconds. */
  static final int RETRY_AFTER_SECONDS = 5;

  /** Whether the exception, or one of its causes, says the database cannot be reached. */
  public static boolean isOutage(Throwable exception) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = exception; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getNextException() != null && isOutage(sql.getNextException())) {
        return true;
      }
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && isOutage(rollback.getApplicationException())) {
        return true;
      }
      if (t instanceof TransactionSystemException failed && failed.getCause() instanceof SQLException sql
          && evictedConnection(sql)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Hikari's answer on a connection it has evicted as broken (a connection-class SQLState seen on it, e.g.
   * PostgreSQL's 57P01 when the server restarts): every later call, the transaction manager's rollback included,
   * fails with "Connection is closed" and no SQLState. When a commit fails on such a connection, Spring throws the
   * rollback's failure and only logs the commit's ("Commit exception overridden by rollback exception"), so that
   * message is all there is to recognise.
   */
  static boolean evictedConnection(SQLException sql) {
    return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
  }

  static boolean connectionState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"));
  }

  static byte[] body() {
    try {
      return JSON.writeValueAsBytes(ApiExceptionHandler.body(HttpStatus.SERVICE_UNAVAILABLE, ERROR, MESSAGE, null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * For a filter that answers on its own when a write it needs fails (the access log of Camunda's REST APIs): the
   * 503 answer, with {@code Retry-After}, when the failure is an outage ({@link #isOutage}); false otherwise.
   */
  public static boolean answerIfOutage(HttpServletRequest request, HttpServletResponse response, Throwable failure)
      throws IOException {
    if (!isOutage(failure)) {
      return false;
    }
    logOutage(request, failure);
    response.reset();
    write(response, RETRY_AFTER_SECONDS);
    return true;
  }

  static void write(HttpServletResponse response, int retryAfterSeconds) throws IOException {
    response.resetBuffer();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(body());
    response.flushBuffer();
  }

  private static void logOutage(HttpServletRequest request, Throwable e) {
    log.warn("Database unreachable during {} {}: answered 503 ({})", request.getMethod(), request.getRequestURI(),
        rootMessage(e));
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** Before the controller advices ({@link ApiExceptionHandler}): an outage is 503, anything else passes on. */
  @Bean
  HandlerExceptionResolver databaseUnavailableResolver() {
    return new Resolver(RETRY_AFTER_SECONDS);
  }

  static final class Resolver implements HandlerExceptionResolver, Ordered {
    private final int retryAfterSeconds;

    Resolver(int retryAfterSeconds) {
      this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
        Exception ex) {
      if (!isOutage(ex) || response.isCommitted()) {
        return null;
      }
      logOutage(request, ex);
      try {
        write(response, retryAfterSeconds);
      } catch (IOException e) {
        log.debug("Could not write the 503 answer", e);
      }
      return new ModelAndView();
    }

    @Override
    public int getOrder() {
      // after Spring Boot's DefaultErrorAttributes (which only records the exception), before the advices
      return Ordered.HIGHEST_PRECEDENCE + 1;
    }
  }

  /** In front of every filter: an outage thrown by a filter (authentication reads the users) is 503. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter() {
    int retryAfterSeconds = RETRY_AFTER_SECONDS;
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
          if (!isOutage(e) || response.isCommitted()) {
            throw e;
          }
          logOutage(request, e);
          write(response, retryAfterSeconds);
        }
      }
    });
    registration.setName("database-unavailable");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Camunda's REST API: its own handlers answer 500 for any engine error; an outage is 503 there too. */
  @Bean
  ResourceConfigCustomizer databaseUnavailableMappers() {
    return config -> {
      config.register(PersistenceMapper.class);
      config.register(TransactionMapper.class);
      config.register(ResourceFailureMapper.class);
    };
  }

  static Response restAnswer(int retryAfterSeconds) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", retryAfterSeconds)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "DatabaseUnavailable", "message", MESSAGE, "code", 503)).build();
  }

  /**
   * For the other JAX-RS mappers of the engine's REST API (a task completion's {@code RestException}, a listener's
   * {@code ProcessEngineException}): the 503 answer when the exception holds an outage, else null.
   */
  public static Response restOutageAnswer(Throwable exception) {
    if (!isOutage(exception)) {
      return null;
    }
    log.warn("Database unreachable in the engine's REST API: answered 503 ({})", rootMessage(exception));
    return restAnswer(restRetryAfter());
  }

  static int restRetryAfter() {
    return RETRY_AFTER_SECONDS;
  }

  /** The engine's wrapping of a failed statement or connection. */
  @Priority(1)
  public static class PersistenceMapper implements ExceptionMapper<ProcessEnginePersistenceException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEnginePersistenceException exception) {
      if (isOutage(exception)) {
        log.warn("Database unreachable in the engine's REST API: answered 503 ({})", rootMessage(exception));
        return restAnswer(restRetryAfter());
      }
      return camunda.toResponse(exception);
    }
  }

  /** Spring could not begin the engine's transaction (no connection). */
  @Priority(1)
  public static class TransactionMapper implements ExceptionMapper<CannotCreateTransactionException> {
    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(CannotCreateTransactionException exception) {
      if (isOutage(exception)) {
        log.warn("Database unreachable in the engine's REST API: answered 503 ({})", rootMessage(exception));
        return restAnswer(restRetryAfter());
      }
      return camunda.toResponse(exception);
    }
  }

  /** A data access failure reaching the REST API unwrapped. */
  @Priority(1)
  public static class ResourceFailureMapper implements ExceptionMapper<DataAccessResourceFailureException> {

    @Override
    public Response toResponse(DataAccessResourceFailureException exception) {
      log.warn("Database unreachable in the engine's REST API: answered 503 ({})", rootMessage(exception));
      return restAnswer(restRetryAfter());
    }
  }
}
