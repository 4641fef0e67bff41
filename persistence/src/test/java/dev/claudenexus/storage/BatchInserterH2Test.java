package dev.claudenexus.storage;

import dev.claudenexus.testing.TestDatabase;

class BatchInserterH2Test extends BatchInserterContract {

  @Override
  TestDatabase openDatabase() {
    return TestDatabase.h2();
  }
}
