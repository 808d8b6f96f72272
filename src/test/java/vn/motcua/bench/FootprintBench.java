package vn.motcua.bench;

import java.util.Map;

final class FootprintBench {
  static void run(Map<String, String> o) throws Exception {
    throw new UnsupportedOperationException("not yet");
  }
}
