package vn.motcua.dossier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** Which values a block hands back: new or changed ones only. */
class HandBackChangedTest {
  @Test
  void equal_values_of_the_same_type_are_the_same_and_anything_else_is_a_change() {
    assertThat(HandBackChanged.same(Variables.stringValue("COMPLETE"), Variables.stringValue("COMPLETE"))).isTrue();
    assertThat(HandBackChanged.same(Variables.stringValue("COMPLETE"), Variables.stringValue("INCOMPLETE"))).isFalse();
    assertThat(HandBackChanged.same(Variables.dateValue(new Date(1000)), Variables.dateValue(new Date(1000)))).isTrue();
    assertThat(HandBackChanged.same(Variables.dateValue(new Date(1000)), Variables.dateValue(new Date(2000)))).isFalse();
    assertThat(HandBackChanged.same(Variables.integerValue(3), Variables.longValue(3L))).isFalse();
    assertThat(HandBackChanged.same(Variables.stringValue(null), Variables.stringValue(null))).isTrue();
    assertThat(HandBackChanged.same(Variables.stringValue(null), Variables.stringValue("x"))).isFalse();
    assertThat(HandBackChanged.same(Variables.objectValue(List.of("a", "b")).create(),
        Variables.objectValue(List.of("a", "b")).create())).isTrue();
    assertThat(HandBackChanged.same(null, Variables.stringValue("x"))).isFalse();
  }
}
