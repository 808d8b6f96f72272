package vn.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import vn.motcua.dossier.Dossier;

/**
 * Open dossiers made the way the system makes them: registered at a commune's counter and checked
 * complete by its reception officer, so that each waits at "Thẩm định hồ sơ" in its appraisal stage with
 * the stage's warning, apology and escalation timers. Several threads, each dossier its own transactions,
 * as officers would; the engine's clock is whatever the caller set.
 */
final class Population {
  private static final AtomicInteger SEQ = new AtomicInteger(1_000_000);

  private Population() {}

  /** Makes {@code count} open dossiers; {@code unitOf(i)} is the commune of the i-th. Returns their ids. */
  static List<Long> open(BenchSystem sys, Officers officers, int count, int threads, IntFunction<String> unitOf,
      String label) throws Exception {
    Queue<Integer> work = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < count; i++) {
      work.add(i);
    }
    Queue<Long> ids = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    // the statistics follow the growth, as autovacuum's analyze would (after each fifth more rows)
    AtomicInteger nextAnalyze = new AtomicInteger(200);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      futures.add(pool.submit(() -> {
        Integer i;
        while ((i = work.poll()) != null) {
          Dossier d = officers.register(unitOf.apply(i), SEQ.incrementAndGet());
          officers.driveUntil(d.code(), "Task_Appraise");
          ids.add(d.id());
          int k = done.incrementAndGet();
          int at = nextAnalyze.get();
          if (k >= at && nextAnalyze.compareAndSet(at, k + Math.max(200, k / 5))) {
            sys.analyzeAsAutovacuumWould();
          }
          if (k % 5000 == 0) {
            System.out.printf("  %s: %d open dossiers in %d s (%s)%n", label, k, (System.nanoTime() - t0) / 1_000_000_000L,
                BenchSystem.load());
          }
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    pool.shutdown();
    sys.analyzeAsAutovacuumWould();
    return new ArrayList<>(ids);
  }
}
