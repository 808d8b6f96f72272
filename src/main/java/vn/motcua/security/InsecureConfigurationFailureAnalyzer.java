package vn.motcua.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports {@link InsecureConfigurationException} as one clear line instead of a stack trace. */
public class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set MOTCUA_ADMIN_PASSWORD to a strong password (10 characters or more, not a known default), "
            + "or run the demo profile on a development machine.",
        cause);
  }
}
