package vn.motcua.security;

/** The configuration would run the system with a known or missing secret. */
public class InsecureConfigurationException extends RuntimeException {
  public InsecureConfigurationException(String message) {
    super(message);
  }
}
