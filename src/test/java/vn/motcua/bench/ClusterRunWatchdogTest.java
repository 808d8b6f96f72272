package vn.motcua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cluster run's driver must never wait for ever (issue 20: twice its workers sat idle with a story
 * started and never ended, and the run never reached its checks). Its watchdog puts back a story that is
 * in no queue and no worker's hands in two looks running, and ends a load that made no step for the stall
 * bound with the open stories failed, so that the run's invariants fail instead of hanging.
 */
class ClusterRunWatchdogTest {
  final ClusterRun run = new ClusterRun(Map.of("admin-password", "a", "password", "p", "dossiers", "10"));

  ClusterRun.Story started() {
    ClusterRun.Story s = run.new Story(run.nextIndex.getAndIncrement());
    run.stories.add(s);
    return s;
  }

  @Test
  void a_story_in_no_queue_and_no_hands_in_two_looks_is_put_back() {
    ClusterRun.Story queued = started();
    run.queue.add(queued);
    ClusterRun.Story held = started();
    run.busy.put(held, "worker-3");
    ClusterRun.Story ended = started();
    ended.ended = true;
    run.completed.incrementAndGet();
    ClusterRun.Story lost = started();
    long now = System.currentTimeMillis();

    Set<ClusterRun.Story> first = run.watch(Set.of(), now, 300_000);
    assertThat(first).containsExactly(lost);
    assertThat(run.queue).doesNotContain(lost); // one look is not enough: a worker may be between poll and hold

    run.watch(first, now, 300_000);
    assertThat(run.queue).contains(lost, queued).doesNotContain(held, ended);
    assertThat(run.requeued).hasSize(1).first().asString().contains("story " + lost.n);
    assertThat(run.stalled).isFalse();
  }

  @Test
  void a_load_without_a_step_for_the_stall_bound_ends_with_its_open_stories_failed() {
    ClusterRun.Story waiting = started();
    run.queue.add(waiting);
    ClusterRun.Story held = started();
    run.busy.put(held, "worker-0");
    ClusterRun.Story ended = started();
    ended.ended = true;
    run.completed.incrementAndGet();

    run.watch(Set.of(), run.lastStep + 299_000, 300_000);
    assertThat(run.stalled).isFalse();

    run.watch(Set.of(), run.lastStep + 301_000, 300_000);
    assertThat(run.stalled).isTrue();
    assertThat(waiting.failure).startsWith("stalled: waiting");
    assertThat(held.failure).startsWith("stalled: held by worker-0");
    assertThat(ended.failure).isNull();
  }
}
