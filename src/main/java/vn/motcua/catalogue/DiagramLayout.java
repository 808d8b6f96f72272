package vn.motcua.catalogue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Lays out a generated model the way the hand-made ones are drawn, left to right: the main line on one row,
 * what leaves it (a refusal, a partner's fix task, the boundary paths of a stage) on the rows below, parallel
 * partners on rows of their own, the loops back drawn under the line, the event sub-process at the bottom.
 * Replaces the fluent API's placement (which stacks branches on top of each other).
 */
final class DiagramLayout {
  private static final int COLUMN = 160;
  private static final int ROW = 130;
  private static final int LEFT = 160;
  private static final int TOP = 120;

  private final BpmnModelInstance model;
  private final Map<String, double[]> boxes = new HashMap<>();
  /** The right edge of what the last {@link #layoutLevel} placed. */
  private double lastRight;

  private DiagramLayout(BpmnModelInstance model) {
    this.model = model;
  }

  static void apply(BpmnModelInstance model, String processId) {
    new DiagramLayout(model).run(model.getModelElementById(processId));
  }

  private void run(BaseElement process) {
    List<FlowNode> nodes = children(process);
    double bottom = layoutLevel(nodes, LEFT, TOP);
    for (FlowNode node : nodes) {
      if (node instanceof SubProcess sub && Boolean.TRUE.equals(sub.triggeredByEvent())) {
        List<FlowNode> inner = children(sub);
        double x = LEFT;
        double y = bottom + 80;
        double innerBottom = layoutLevel(inner, x + 50, y + 80);
        place(sub, x, y, lastRight - x + 50, innerBottom - y + 40);
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      route(edge);
    }
  }

  private static List<FlowNode> children(BaseElement parent) {
    List<FlowNode> result = new ArrayList<>();
    for (ModelElementInstance child : parent.getChildElementsByType(FlowNode.class)) {
      result.add((FlowNode) child);
    }
    return result;
  }

  /** Lays out one level (a process or a sub-process) from (x0, y0); returns the lowest y used. */
  private double layoutLevel(List<FlowNode> nodes, double x0, double y0) {
    Set<String> here = new HashSet<>();
    nodes.forEach(n -> here.add(n.getId()));
    FlowNode start = nodes.stream().filter(n -> n instanceof StartEvent).findFirst().orElse(null);
    if (start == null) {
      return y0;
    }
    // columns: longest path from the start, without the loops back (flows into a node already on the path)
    Map<String, Integer> column = new LinkedHashMap<>();
    Map<String, Integer> row = new HashMap<>();
    Set<String> backFlows = new HashSet<>();
    findBackFlows(start, new HashSet<>(), new HashSet<>(), backFlows, here);
    Deque<FlowNode> queue = new ArrayDeque<>();
    column.put(start.getId(), 0);
    row.put(start.getId(), 0);
    queue.add(start);
    int guard = 0;
    while (!queue.isEmpty() && guard++ < 10_000) {
      FlowNode n = queue.poll();
      int c = column.get(n.getId());
      List<SequenceFlow> outs = new ArrayList<>(n.getOutgoing());
      // the line goes on; a refusal or a fix task leaves it downwards
      outs.sort(java.util.Comparator.comparingInt(f -> f.getTarget() instanceof org.camunda.bpm.model.bpmn.instance.EndEvent
          || f.getTarget().getId().startsWith("Task_Fix") ? 1 : 0));
      for (BoundaryEvent b : boundaries(n)) {
        outs.addAll(b.getOutgoing());
      }
      int branch = 0;
      for (SequenceFlow f : outs) {
        if (backFlows.contains(f.getId()) || !here.contains(f.getTarget().getId())) {
          continue;
        }
        FlowNode t = f.getTarget();
        int tc = c + 1;
        if (column.getOrDefault(t.getId(), -1) < tc) {
          column.put(t.getId(), tc);
          queue.add(t);
        }
        if (!row.containsKey(t.getId())) {
          int r = row.get(n.getId());
          if (f.getSource() instanceof BoundaryEvent be) {
            r = row.get(n.getId()) + 1 + boundaries(n).indexOf(be);
          } else if (n instanceof ParallelGateway && n.getOutgoing().size() > 1) {
            r = row.get(n.getId()) + 2 * branch;
          } else if (n instanceof Gateway && branch > 0) {
            r = row.get(n.getId()) + 1;
          }
          row.put(t.getId(), r);
        }
        branch++;
      }
    }
    // boundary events sit on their activity; the joins on the row of their first branch
    double bottom = y0;
    double[] columnX = new double[column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 2];
    double x = x0;
    for (int c = 0; c < columnX.length; c++) {
      columnX[c] = x;
      double widest = COLUMN;
      for (FlowNode n : nodes) {
        if (column.getOrDefault(n.getId(), -1) == c && n instanceof SubProcess) {
          layoutLevel(children(n), 0, 0);
          widest = Math.max(widest, lastRight + 100 + 60);
        }
      }
      x += widest;
    }
    double right = x0;
    // rows below an expanded stage sub-process start under it
    double rowShift = 0;
    int shiftFrom = Integer.MAX_VALUE;
    for (FlowNode n : nodes) {
      if (n instanceof SubProcess && !Boolean.TRUE.equals(((SubProcess) n).triggeredByEvent()) && column.containsKey(n.getId())) {
        rowShift = Math.max(rowShift, 300);
        shiftFrom = Math.min(shiftFrom, column.get(n.getId()));
      }
    }
    for (FlowNode n : nodes) {
      if (n instanceof BoundaryEvent || !column.containsKey(n.getId())) {
        continue;
      }
      int c = column.get(n.getId());
      int r = row.get(n.getId());
      double cy = y0 + r * ROW + (r > 0 && c >= shiftFrom ? rowShift : 0);
      double[] size = size(n);
      if (n instanceof SubProcess sub && !Boolean.TRUE.equals(sub.triggeredByEvent())) {
        List<FlowNode> inner = children(sub);
        double innerBottom = layoutLevel(inner, columnX[c] + 50, cy + 40);
        place(sub, columnX[c], cy - 40, lastRight - columnX[c] + 50, innerBottom - (cy - 40) + 30);
        bottom = Math.max(bottom, innerBottom + 30);
        right = Math.max(right, columnX[c] + (lastRight - columnX[c] + 50));
        continue;
      }
      place(n, columnX[c] + (100 - size[0]) / 2, cy - size[1] / 2, size[0], size[1]);
      bottom = Math.max(bottom, cy + 40);
      right = Math.max(right, columnX[c] + 100);
    }
    for (FlowNode n : nodes) {
      if (n instanceof BoundaryEvent b && boxes.containsKey(b.getAttachedTo().getId())) {
        double[] host = boxes.get(b.getAttachedTo().getId());
        int i = boundaries(b.getAttachedTo()).indexOf(b);
        place(b, host[0] + 10 + i * 30, host[1] + host[3] - 18, 36, 36);
      }
    }
    lastRight = right;
    return bottom;
  }

  private List<BoundaryEvent> boundaries(FlowNode n) {
    List<BoundaryEvent> result = new ArrayList<>();
    if (!(n instanceof Activity)) {
      return result;
    }
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      if (b.getAttachedTo() == n) {
        result.add(b);
      }
    }
    return result;
  }

  private static void findBackFlows(FlowNode n, Set<String> onPath, Set<String> done, Set<String> back, Set<String> here) {
    onPath.add(n.getId());
    for (SequenceFlow f : n.getOutgoing()) {
      String t = f.getTarget().getId();
      if (!here.contains(t)) {
        continue;
      }
      if (onPath.contains(t)) {
        back.add(f.getId());
      } else if (!done.contains(t)) {
        findBackFlows(f.getTarget(), onPath, done, back, here);
      }
    }
    onPath.remove(n.getId());
    done.add(n.getId());
  }

  private static double[] size(FlowNode n) {
    if (n instanceof Event) {
      return new double[] {36, 36};
    }
    if (n instanceof Gateway) {
      return new double[] {50, 50};
    }
    return new double[] {100, 80};
  }

  /** Places a node by its top-left corner and size. */
  private void place(FlowNode n, double left, double top, double w, double h) {
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() == n) {
        Bounds b = shape.getBounds();
        b.setX(left);
        b.setY(top);
        b.setWidth(w);
        b.setHeight(h);
        if (n instanceof SubProcess) {
          shape.setExpanded(true);
        }
      }
    }
    boxes.put(n.getId(), new double[] {left, top, w, h});
  }

  /** Orthogonal edges: right of the source to left of the target, down first when the target is lower. */
  private void route(BpmnEdge edge) {
    if (!(edge.getBpmnElement() instanceof SequenceFlow f)) {
      return;
    }
    double[] s = boxes.get(f.getSource().getId());
    double[] t = boxes.get(f.getTarget().getId());
    if (s == null || t == null) {
      return;
    }
    List<double[]> points = new ArrayList<>();
    double sy = s[1] + s[3] / 2;
    double ty = t[1] + t[3] / 2;
    if (f.getSource() instanceof BoundaryEvent) {
      points.add(new double[] {s[0] + s[2] / 2, s[1] + s[3]});
      points.add(new double[] {s[0] + s[2] / 2, ty});
      points.add(new double[] {t[0], ty});
    } else if (t[0] + t[2] / 2 < s[0]) {
      // a loop back: under the line, into the bottom of the target
      double under = Math.max(s[1] + s[3], t[1] + t[3]) + 30;
      points.add(new double[] {s[0] + s[2] / 2, s[1] + s[3]});
      points.add(new double[] {s[0] + s[2] / 2, under});
      points.add(new double[] {t[0] + t[2] / 2, under});
      points.add(new double[] {t[0] + t[2] / 2, t[1] + t[3]});
    } else if (Math.abs(sy - ty) < 1) {
      points.add(new double[] {s[0] + s[2], sy});
      points.add(new double[] {t[0], ty});
    } else if (f.getSource() instanceof Gateway && ty > sy) {
      points.add(new double[] {s[0] + s[2] / 2, s[1] + s[3]});
      points.add(new double[] {s[0] + s[2] / 2, ty});
      points.add(new double[] {t[0], ty});
    } else if (f.getTarget() instanceof Gateway) {
      points.add(new double[] {s[0] + s[2], sy});
      points.add(new double[] {t[0] + t[2] / 2, sy});
      points.add(new double[] {t[0] + t[2] / 2, ty > sy ? t[1] : t[1] + t[3]});
    } else {
      double mid = (s[0] + s[2] + t[0]) / 2;
      points.add(new double[] {s[0] + s[2], sy});
      points.add(new double[] {mid, sy});
      points.add(new double[] {mid, ty});
      points.add(new double[] {t[0], ty});
    }
    Collection<Waypoint> waypoints = edge.getWaypoints();
    waypoints.clear();
    for (double[] p : points) {
      Waypoint w = model.newInstance(Waypoint.class);
      w.setX(p[0]);
      w.setY(p[1]);
      waypoints.add(w);
    }
  }
}
