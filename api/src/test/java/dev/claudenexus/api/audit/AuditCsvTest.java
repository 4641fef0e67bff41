package dev.claudenexus.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudenexus.audit.AuditAction;
import dev.claudenexus.audit.AuditEvent;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCsvTest {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd",
      "\rcmd"})
  void formulaCellsGetQuote(String cell) {
    assertThat(AuditCsv.safe(cell)).isEqualTo("'" + cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice", "dashboard-key", "a=b", "127.0.0.1", ""})
  void plainCellsStay(String cell) {
    assertThat(AuditCsv.safe(cell)).isEqualTo(cell);
  }

  @Test
  void rowsParseBackWithQuotesAndNewLines() throws IOException {
    AuditEvent event = new AuditEvent(UUID.randomUUID(),
        OffsetDateTime.parse("2026-03-01T12:00:00Z"), "=evil,\"user\"\nline",
        "dashboard-session", AuditAction.CONVERSATION_VIEW, "c-1", 200, "10.0.0.1",
        "dashboard:3001");
    StringWriter out = new StringWriter();

    try (CSVPrinter printer = AuditCsv.printer(out)) {
      AuditCsv.print(printer, event);
    }

    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString())).getRecords();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("user")).isEqualTo("'=evil,\"user\"\nline");
    assertThat(rows.get(0).get("action")).isEqualTo("conversation.view");
    assertThat(rows.get(0).get("event_id")).isEqualTo(event.eventId().toString());
    assertThat(out.toString()).startsWith(String.join(",", AuditCsv.HEADER) + "\r\n");
  }
}
