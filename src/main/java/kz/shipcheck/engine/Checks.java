package kz.shipcheck.engine;

import java.util.List;
import kz.shipcheck.result.Finding;

/**
 * What the batch pipeline asks of a checker: the findings of a chunk of declarations, in input
 * order. The rule engine ({@link Evaluator}) is the one implementation shipcheck runs; the
 * benchmark plugs a plain-Java checker into the same pipeline so that the two are compared with
 * reading, parsing and reporting held equal. One instance per worker thread.
 */
public interface Checks {
  /** Checks a chunk of declarations; the result lists each one's findings, in input order. */
  List<List<Finding>> evaluate(List<Evaluator.Input> chunk);
}
