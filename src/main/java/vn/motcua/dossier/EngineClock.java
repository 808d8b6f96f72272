package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.OfficeZone;

/**
 * The time of the system: the engine's clock, so that tests that move the engine clock move the
 * dossiers' time too. The one place that touches the engine's internal {@code ClockUtil}.
 */
@Component
public class EngineClock extends Clock {
  @Override
  public ZoneId getZone() {
    return OfficeZone.get();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
