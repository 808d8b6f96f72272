package vn.motcua.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling ({@link LoginThrottle}), prefix {@code motcua.security.login}.
 *
 * @param freeFailures wrong passwords of one account from one source without delay; default 3
 * @param baseDelay the delay after the first failure beyond the free ones, doubled by each further one;
 *     default 1 s
 * @param maxDelay the longest delay; default 15 minutes
 * @param sourceFreeFailures wrong passwords from one source over all accounts without delay (password
 *     spraying); default 30
 * @param forgetAfter failures older than this are forgotten; default 1 hour
 * @param trustForwardedFor take the source from {@code X-Forwarded-For} (only behind the province's proxy,
 *     which must overwrite it); default the public API's {@code motcua.citizen.trust-forwarded-for}
 */
@ConfigurationProperties("motcua.security.login")
public record LoginThrottleProperties(Integer freeFailures, Duration baseDelay, Duration maxDelay,
    Integer sourceFreeFailures, Duration forgetAfter, Boolean trustForwardedFor) {
  public LoginThrottleProperties {
    freeFailures = freeFailures == null ? 3 : freeFailures;
    baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
    maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
    sourceFreeFailures = sourceFreeFailures == null ? 30 : sourceFreeFailures;
    forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
    trustForwardedFor = trustForwardedFor != null && trustForwardedFor;
  }
}
