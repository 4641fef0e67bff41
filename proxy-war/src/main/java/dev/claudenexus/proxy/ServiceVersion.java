package dev.claudenexus.proxy;

/** The product version, from the war's manifest when packaged. */
public final class ServiceVersion {

  public static final String VERSION = versionOrDevelopment();

  private ServiceVersion() {}

  private static String versionOrDevelopment() {
    String version = ServiceVersion.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
