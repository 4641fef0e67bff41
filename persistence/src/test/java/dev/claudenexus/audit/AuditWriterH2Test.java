package dev.claudenexus.audit;

import dev.claudenexus.testing.TestDatabase;


class AuditWriterH2Test extends AuditWriterContract {

  @Override
  TestDatabase openDatabase() {
    return TestDatabase.h2();
  }
}
