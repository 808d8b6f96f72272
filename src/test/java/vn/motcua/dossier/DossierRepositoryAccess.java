package vn.motcua.dossier;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * For tests of other packages: a write of the dossier feature's package-private repository, on the bean of
 * the test's Spring context (with the reports' roll-up as its {@link ReportFactsGuard}).
 */
public final class DossierRepositoryAccess {
  private final DossierRepository repository;

  public DossierRepositoryAccess(ApplicationContext context) {
    this.repository = context.getBean(DossierRepository.class);
  }

  /** {@link DossierRepository#recordRating}: a late change of a report fact of a returned dossier. */
  public void recordRating(long id, int rating, String comment, String channel, Instant at) {
    repository.recordRating(id, rating, comment, channel, at);
  }
}
