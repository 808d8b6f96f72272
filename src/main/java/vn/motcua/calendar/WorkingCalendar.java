package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The Vietnamese working-day calendar used for every deadline of Một Cửa.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Deadlines of administrative procedures are in working days, counted from the receipt of a
 *       complete and valid dossier (Decree 61/2018/NĐ-CP Art. 15–19, now Decree 118/2025/NĐ-CP). One
 *       working day is the length of the configured office hours (8 hours: 07:30–11:30 and 13:30–17:30
 *       by default, a provincial setting); "N working days" = N × 8 working hours.
 *   <li>Working week Monday–Friday, plus make-up working days (usually Saturdays swapped for a bridge
 *       day), minus public holidays, Tết and compensatory days off (Labour Code 2019 Art. 111–112; a
 *       holiday on the weekly rest day gives the next working day off, Art. 111(3)).
 *   <li>Cut-off 15:00: a dossier received after 15:00, or on a non-working day, counts from the next
 *       working day's opening (Decree 63/2024/NĐ-CP for same-day procedures); a paper dossier is
 *       transferred to the competent agency the same working day, or at the start of the next working
 *       day when received after 15:00 (Decree 61/2018 Art. 17, now Decree 118/2025).
 *   <li>A late dossier is notified no later than 1 working day before the due date (Decree 61/2018
 *       Art. 19): {@link #subtractWorkingDays(Instant, int)}.
 * </ul>
 *
 * <h2>Counting</h2>
 *
 * Counting starts at {@code start} when it is inside office hours (opening inclusive, closing
 * exclusive), otherwise at the next opening; a start at or after the afternoon close therefore rolls to
 * the next working day's opening. For a positive amount the result is always inside office hours of a
 * working day with the closing time inclusive: a count that ends exactly at a closing time stays at that
 * closing time. Counting backwards is symmetric: when a backward count ends exactly at an opening, the
 * result is the closing time of the previous session (so 1 working day before Thursday 17:30 is
 * Wednesday 17:30).
 *
 * <h2>Data and reload</h2>
 *
 * The current {@link HolidaySchedule} is held in an {@link AtomicReference}; all methods are
 * thread-safe. It is built from the holiday file ({@link CalendarProperties#holidayFile()}), the
 * statutory defaults for years without published data and the administrator-added days of table
 * {@code calendar_day}. {@link #reload()} runs every {@code motcua.calendar.reload-interval} (60 s):
 * it rebuilds the schedule when the file's SHA-256 checksum or the database rows changed. A malformed
 * file is logged at ERROR with its location and the reason, the previous schedule stays in force and
 * the reason is available from {@link #lastReloadError()}.
 *
 * <p>Note: {@code @EnableScheduling} is declared by the main application, not here.
 */
@Service
public class WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

  private final CalendarProperties props;
  private final ResourceLoader resourceLoader;
  private final CalendarDayRepository repository;
  private final Duration workingDay;
  private final AtomicReference<HolidaySchedule> schedule = new AtomicReference<>();

  // guarded by "this" (reload is synchronized)
  private HolidayFile lastGoodFile = HolidayFile.empty();
  private String fileChecksum;
  private String failedChecksum;
  private String failedReason;
  private List<AdminDay> adminDays = List.of();

  private volatile Instant lastReloadAt;
  private volatile String lastReloadError;

  @Autowired
  public WorkingCalendar(
      CalendarProperties props,
      ResourceLoader resourceLoader,
      ObjectProvider<CalendarDayRepository> repository) {
    this(props, resourceLoader, repository.getIfAvailable());
    OfficeZone.set(props.zone());
  }

  /**
   * @param repository administrator-added days; null for a calendar without a database (tests, tools)
   */
  public WorkingCalendar(
      CalendarProperties props, ResourceLoader resourceLoader, CalendarDayRepository repository) {
    this.props = Objects.requireNonNull(props, "props");
    this.resourceLoader = Objects.requireNonNull(resourceLoader, "resourceLoader");
    this.repository = repository;
    this.workingDay = props.workingDay();
    this.schedule.set(HolidaySchedule.computedOnly(StatutoryRules.defaults(), props.cultureDayOff()));
    reload();
  }

  // ---------------------------------------------------------------- reload

  /**
   * Checks the holiday file and the database and rebuilds the schedule when either changed.
   * Scheduled with a fixed delay of {@code motcua.calendar.reload-interval}; the main application
   * enables scheduling ({@code @EnableScheduling}).
   *
   * @return true when the schedule was rebuilt
   */
  @Scheduled(
      fixedDelayString = "${motcua.calendar.reload-interval:60s}",
      initialDelayString = "${motcua.calendar.reload-interval:60s}")
  public synchronized boolean reload() {
    List<String> errors = new ArrayList<>();
    String location = props.holidayFile();
    HolidayFile file = lastGoodFile;
    boolean changed = false;
    try {
      byte[] content = read(location);
      String checksum = sha256(content);
      if (!checksum.equals(fileChecksum)) {
        if (checksum.equals(failedChecksum)) {
          errors.add(failedReason);
        } else {
          try {
            file = HolidayFile.parse(content, location);
            fileChecksum = checksum;
            failedChecksum = null;
            failedReason = null;
            changed = true;
            log.info("Holiday file {} loaded (sha256 {}, years {})", location, checksum,
                file.years().keySet());
          } catch (CalendarException e) {
            failedChecksum = checksum;
            failedReason = e.getMessage();
            errors.add(e.getMessage());
            log.error("Holiday file {} rejected, the previous schedule stays in force: {}",
                location, e.getMessage());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      String reason = "Cannot read holiday file " + location + ": " + e.getMessage();
      errors.add(reason);
      log.error("{}; the previous schedule stays in force", reason);
    }
    List<AdminDay> days = adminDays;
    if (repository != null) {
      try {
        days = List.copyOf(repository.findAll());
        changed |= !days.equals(adminDays);
      } catch (RuntimeException e) {
        String reason = "Cannot read admin calendar days from the database: " + e.getMessage();
        errors.add(reason);
        log.error("{}; the previous schedule stays in force", reason);
        days = adminDays;
      }
    }
    if (changed) {
      try {
        HolidaySchedule rebuilt = HolidaySchedule.build(file.rules(), file.years(),
            days.stream().map(AdminDay::toCalendarDay).toList(), props.cultureDayOff());
        schedule.set(rebuilt);
        lastGoodFile = file;
        adminDays = days;
      } catch (RuntimeException e) {
        String reason = "Cannot build the holiday schedule: " + e.getMessage();
        errors.add(reason);
        log.error("{}; the previous schedule stays in force", reason);
        changed = false;
      }
    }
    lastReloadAt = Instant.now();
    lastReloadError = errors.isEmpty() ? null : String.join("; ", errors);
    return changed;
  }

  private byte[] read(String location) throws IOException {
    Resource resource = resourceLoader.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The reason of the last failed reload, or null when the last reload succeeded. */
  public String lastReloadError() {
    return lastReloadError;
  }

  /** When the file and the database were last checked. */
  public Instant lastReloadAt() {
    return lastReloadAt;
  }

  /** Location of the holiday file. */
  public String holidayFileLocation() {
    return props.holidayFile();
  }

  /** SHA-256 of the holiday file in force, or null when none was loaded. */
  public synchronized String holidayFileChecksum() {
    return fileChecksum;
  }

  /** The schedule in force. */
  public HolidaySchedule schedule() {
    return schedule.get();
  }

  public CalendarProperties properties() {
    return props;
  }

  // ---------------------------------------------------------------- admin days

  /**
   * Stores an administrator-added day (replacing any for the same date) and rebuilds the schedule at
   * once on this node; other nodes see it at their next reload.
   */
  public void saveAdminDay(AdminDay day) {
    requireRepository().save(day);
    reload();
  }

  /** Removes an administrator-added day; false when there was none for that date. */
  public boolean deleteAdminDay(LocalDate date) {
    boolean deleted = requireRepository().delete(date);
    if (deleted) {
      reload();
    }
    return deleted;
  }

  /** Administrator-added days currently in force. */
  public synchronized List<AdminDay> adminDays() {
    return adminDays;
  }

  private CalendarDayRepository requireRepository() {
    if (repository == null) {
      throw new CalendarException("No calendar database is configured",
          "Chưa cấu hình cơ sở dữ liệu lịch làm việc.");
    }
    return repository;
  }

  // ---------------------------------------------------------------- days

  /** Monday–Friday and not a day off, or a make-up working day. */
  public boolean isWorkingDay(LocalDate date) {
    return schedule.get().isWorkingDay(date);
  }

  /** What the calendar says about {@code date}. */
  public DayInfo dayInfo(LocalDate date) {
    return schedule.get().dayInfo(date);
  }

  /** The first working day strictly after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    if (date == null) {
      throw CalendarException.missing("date");
    }
    HolidaySchedule s = schedule.get();
    LocalDate d = date.plusDays(1);
    while (!s.isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * {@code start} plus {@code n} working days, i.e. plus n × 8 working hours of office time (see the
   * class comment for where counting starts and ends).
   */
  public Instant addWorkingDays(Instant start, int n) {
    if (n < 0) {
      throw CalendarException.negative("n", n);
    }
    return addWorkingTime(start, workingDay.multipliedBy(n));
  }

  /**
   * Where working time starts for an instant: the instant itself during office hours, the afternoon
   * opening during the lunch break, otherwise the opening of the next working day (the same as
   * {@code addWorkingTime(t, Duration.ZERO)}).
   */
  public Instant nextOfficeTime(Instant t) {
    return instant(forward(schedule.get(), local(t, "t")).at);
  }

  /** {@code start} plus an amount of working (office) time. */
  public Instant addWorkingTime(Instant start, Duration workingTime) {
    LocalDateTime t = local(start, "start");
    checkAmount(workingTime);
    HolidaySchedule s = schedule.get();
    Slot slot = forward(s, t);
    Duration remaining = workingTime;
    while (true) {
      Duration available = Duration.between(slot.at, slot.bound);
      if (remaining.compareTo(available) <= 0) {
        return instant(slot.at.plus(remaining));
      }
      remaining = remaining.minus(available);
      slot = forward(s, slot.bound);
    }
  }

  /**
   * {@code end} minus {@code n} working days, e.g. "no later than 1 working day before the due date"
   * for the apology letter of a late dossier (Decree 61/2018 Art. 19).
   */
  public Instant subtractWorkingDays(Instant end, int n) {
    if (n < 0) {
      throw CalendarException.negative("n", n);
    }
    return subtractWorkingTime(end, workingDay.multipliedBy(n));
  }

  /** {@code end} minus an amount of working time; never returns an opening time for a positive amount. */
  public Instant subtractWorkingTime(Instant end, Duration workingTime) {
    LocalDateTime t = local(end, "end");
    checkAmount(workingTime);
    HolidaySchedule s = schedule.get();
    Slot slot = backward(s, t);
    Duration remaining = workingTime;
    while (true) {
      Duration available = Duration.between(slot.bound, slot.at);
      if (remaining.compareTo(available) < 0) {
        return instant(slot.at.minus(remaining));
      }
      remaining = remaining.minus(available);
      slot = backward(s, slot.bound);
      if (remaining.isZero()) {
        return instant(slot.at);
      }
    }
  }

  /** Office time between {@code a} and {@code b}; zero when {@code b <= a}. */
  public Duration workingTimeBetween(Instant a, Instant b) {
    LocalDateTime from = local(a, "a");
    LocalDateTime to = local(b, "b");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    HolidaySchedule s = schedule.get();
    Duration total = Duration.ZERO;
    for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
      if (!s.isWorkingDay(d)) {
        continue;
      }
      for (LocalDateTime[] session : sessions(d)) {
        LocalDateTime lo = max(session[0], from);
        LocalDateTime hi = min(session[1], to);
        if (hi.isAfter(lo)) {
          total = total.plus(Duration.between(lo, hi));
        }
      }
    }
    return total;
  }

  /** Whole working days between {@code a} and {@code b}: working time ÷ 8 hours, rounded down. */
  public long workingDaysBetween(Instant a, Instant b) {
    return workingTimeBetween(a, b).toNanos() / workingDay.toNanos();
  }

  /**
   * When the count of a dossier received at {@code receivedAt} starts: the next working day's opening
   * when received after the cut-off (15:00, Decree 63/2024) or on a non-working day; otherwise
   * {@code receivedAt} itself.
   */
  public Instant startOfCounting(Instant receivedAt) {
    LocalDateTime t = local(receivedAt, "receivedAt");
    if (schedule.get().isWorkingDay(t.toLocalDate()) && !t.toLocalTime().isAfter(props.cutOff())) {
      return receivedAt;
    }
    return instant(nextWorkingDay(t.toLocalDate()).atTime(props.morningStart()));
  }

  /** The last hour before closing in which an electronic package counts from the next working day. */
  public static final Duration ELECTRONIC_PACKAGE_LAST_HOUR = Duration.ofHours(1);

  /**
   * When the count of an electronic inter-agency package (Decree 63/2024) received at {@code receivedAt}
   * starts: the next working day's opening when it was received in the last working hour before closing
   * ({@link #ELECTRONIC_PACKAGE_LAST_HOUR}), after closing or on a non-working day; otherwise at once (the
   * next office moment, for a package received during the midday break).
   */
  public Instant startOfCountingElectronicPackage(Instant receivedAt) {
    LocalDateTime t = local(receivedAt, "receivedAt");
    LocalTime lastHour = props.afternoonEnd().minus(ELECTRONIC_PACKAGE_LAST_HOUR);
    if (schedule.get().isWorkingDay(t.toLocalDate()) && t.toLocalTime().isBefore(lastHour)) {
      return nextOfficeTime(receivedAt);
    }
    return instant(nextWorkingDay(t.toLocalDate()).atTime(props.morningStart()));
  }

  /**
   * Deadline of a same-day procedure (e.g. birth registration): the closing time of the day counting
   * starts, i.e. today's close, or the next working day's close when received after 15:00
   * (Decree 63/2024).
   */
  public Instant endOfSameDayDeadline(Instant receivedAt) {
    Instant start = startOfCounting(receivedAt);
    return instant(local(start, "start").toLocalDate().atTime(props.afternoonEnd()));
  }

  /**
   * Deadline to transfer a paper dossier to the competent agency (Decree 61/2018 Art. 17, carried on by
   * Decree 118/2025): the end of the same working day, or, when received after 15:00 or on a non-working
   * day, the start (opening) of the next working day; the close of that day when the unconfirmed
   * {@code motcua.calendar.transfer-next-day-by-close} is true.
   */
  public Instant transferDeadline(Instant receivedAt) {
    Instant start = startOfCounting(receivedAt);
    LocalDate day = local(start, "start").toLocalDate();
    if (!props.transferNextDayByClose() && !start.equals(receivedAt)) {
      return instant(day.atTime(props.morningStart()));
    }
    return instant(day.atTime(props.afternoonEnd()));
  }

  // ---------------------------------------------------------------- helpers

  /** A position inside a session and that session's other bound (end when forward, start when backward). */
  private record Slot(LocalDateTime at, LocalDateTime bound) {}

  /** Earliest point at or after {@code t} inside office hours [opening, closing). */
  private Slot forward(HolidaySchedule s, LocalDateTime t) {
    LocalDate d = t.toLocalDate();
    LocalDateTime cursor = t;
    while (true) {
      if (s.isWorkingDay(d)) {
        for (LocalDateTime[] session : sessions(d)) {
          if (cursor.isBefore(session[1])) {
            return new Slot(max(cursor, session[0]), session[1]);
          }
        }
      }
      d = d.plusDays(1);
      cursor = d.atStartOfDay();
    }
  }

  /** Latest point at or before {@code t} inside office hours (opening, closing]. */
  private Slot backward(HolidaySchedule s, LocalDateTime t) {
    LocalDate d = t.toLocalDate();
    LocalDateTime cursor = t;
    while (true) {
      if (s.isWorkingDay(d)) {
        List<LocalDateTime[]> sessions = sessions(d);
        for (int i = sessions.size() - 1; i >= 0; i--) {
          LocalDateTime[] session = sessions.get(i);
          if (cursor.isAfter(session[0])) {
            return new Slot(min(cursor, session[1]), session[0]);
          }
        }
      }
      cursor = d.atStartOfDay();
      d = d.minusDays(1);
    }
  }

  private List<LocalDateTime[]> sessions(LocalDate d) {
    return List.of(
        new LocalDateTime[] {d.atTime(props.morningStart()), d.atTime(props.morningEnd())},
        new LocalDateTime[] {d.atTime(props.afternoonStart()), d.atTime(props.afternoonEnd())});
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  private static void checkAmount(Duration workingTime) {
    if (workingTime == null) {
      throw CalendarException.missing("workingTime");
    }
    if (workingTime.isNegative()) {
      throw new CalendarException("workingTime must not be negative, got " + workingTime,
          "Thời gian làm việc không được là số âm.");
    }
  }

  private LocalDateTime local(Instant instant, String what) {
    if (instant == null) {
      throw CalendarException.missing(what);
    }
    LocalDateTime t = LocalDateTime.ofInstant(instant, props.zone());
    HolidaySchedule.checkRange(t.toLocalDate());
    return t;
  }

  private Instant instant(LocalDateTime t) {
    return t.atZone(props.zone()).toInstant();
  }

  /** Opening time of {@code date} in the calendar's zone. */
  public Instant openingOf(LocalDate date) {
    if (date == null) {
      throw CalendarException.missing("date");
    }
    return instant(date.atTime(props.morningStart()));
  }

  /** Closing time of {@code date} in the calendar's zone. */
  public Instant closingOf(LocalDate date) {
    if (date == null) {
      throw CalendarException.missing("date");
    }
    return instant(date.atTime(props.afternoonEnd()));
  }
}
