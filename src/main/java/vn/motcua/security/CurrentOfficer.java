package vn.motcua.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.web.ApiException;

/**
 * The logged-in officer of an API request, read in this one place: a controller method declares an
 * {@link Officer} parameter and gets the officer that {@link ApiAuthenticationFilter} authenticated. A
 * request that reached the controller without one (not expected behind the filter) is refused with 403.
 * The parameter is the login, not the request's content: the OpenAPI description leaves it out.
 */
@Configuration
public class CurrentOfficer implements WebMvcConfigurer {
  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Officer.class);
  }

  /** The officer of the request; 403 when there is none. */
  public static Officer of(HttpServletRequest request) {
    if (request != null && request.getAttribute(Officer.REQUEST_ATTRIBUTE) instanceof Officer officer) {
      return officer;
    }
    throw ApiException.forbidden("Cần đăng nhập bằng tài khoản cán bộ.");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new Resolver());
  }

  static final class Resolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Officer.class;
    }

    @Override
    public Officer resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
        WebDataBinderFactory binders) {
      return of(request.getNativeRequest(HttpServletRequest.class));
    }
  }
}
