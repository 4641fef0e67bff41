package dev.claudenexus.launcher;

/** Copies between two H2 databases. */
class CopyConversationH2Test extends CopyConversationContract {

  @Override
  ToolsDatabase openSource() {
    return ToolsDatabase.h2();
  }

  @Override
  ToolsDatabase openDestination() {
    return ToolsDatabase.h2();
  }
}
