package io.outsidein.bench;

/** One line of the report: what was measured against which target. */
record Row(String scenario, String measured, String target, Boolean met) {
  String verdict() {
    return met == null ? "-" : met ? "met" : "MISSED";
  }
}
