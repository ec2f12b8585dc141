package kz.shipcheck.check;

import java.util.List;
import kz.shipcheck.result.DeclarationResult.Facts;
import kz.shipcheck.result.Finding;

/**
 * A checked document on its way to the emitting thread, not yet judged: the findings of its rules
 * (of the reader, when invalid), where its id sits (for duplicate ids) and the date it is judged on
 * (for waivers; null when invalid).
 */
record Checked(
    String file,
    int document,
    String id,
    boolean invalid,
    List<Finding> findings,
    Facts facts,
    int idLine,
    int idColumn,
    java.time.LocalDate judgedOn) {}
