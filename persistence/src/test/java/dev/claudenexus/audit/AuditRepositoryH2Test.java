package dev.claudenexus.audit;

import dev.claudenexus.testing.TestDatabase;


class AuditRepositoryH2Test extends AuditRepositoryContract {

  @Override
  TestDatabase openDatabase() {
    return TestDatabase.h2();
  }
}
