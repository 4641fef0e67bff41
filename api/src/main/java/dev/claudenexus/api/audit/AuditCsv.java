package dev.claudenexus.api.audit;

import dev.claudenexus.audit.AuditEvent;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes audit events as CSV (RFC 4180). A cell that a spreadsheet would run as a formula (one that
 * starts with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, so an exported
 * user name or id can never run in the reader's spreadsheet.
 */
final class AuditCsv {

  static final List<String> HEADER = List.of("time", "user", "auth_method", "action", "target",
      "outcome", "address", "service", "event_id");

  private AuditCsv() {}

  static CSVPrinter printer(Appendable out) throws IOException {
    return CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get().print(out);
  }

  static void print(CSVPrinter printer, AuditEvent event) throws IOException {
    printer.printRecord(event.occurredAt().toString(), safe(event.userName()),
        safe(event.authMethod()), event.action().code(), safe(event.targetId()), event.outcome(),
        safe(event.clientAddress()), safe(event.service()), event.eventId().toString());
  }

  /** Returns the cell text with a leading {@code '} when a spreadsheet would read it as a formula. */
  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
        || first == '\r' ? "'" + cell : cell;
  }
}
