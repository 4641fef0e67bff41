package dev.claudenexus.servertests;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Edits a new domain's {@code domain.xml} before its first start, so that every listener the domain
 * opens binds to 127.0.0.1: HTTP, HTTPS and admin, IIOP with its two TLS listeners, JMX, the
 * debugger and the Hazelcast data grid, whose discovery becomes a fixed TCP/IP member
 * list on loopback instead of multicast. Both configurations change: {@code server-config}, which
 * the domain administration server runs, and {@code default-config}, the template of new instances.
 */
final class LoopbackDomainConfig {

  static final String LOOPBACK = "127.0.0.1";

  private LoopbackDomainConfig() {}

  static void apply(Path domainXml, DomainPorts ports)
      throws IOException, ParserConfigurationException, SAXException, TransformerException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(domainXml.toFile());

    setEverywhere(document, "network-listener", "address", LOOPBACK);
    setEverywhere(document, "iiop-listener", "address", LOOPBACK);
    setEverywhere(document, "jmx-connector", "address", LOOPBACK);
    // The wars use no JMS. An embedded broker's lazy start opens a proxy listener on the JMS port of
    // every interface whatever the jms-host's address (Payara Server 6.2025.10), so the test domain
    // runs without one.
    disableJms(document);
    setEverywhere(document, "jms-host", "host", LOOPBACK);
    bindDebugger(document);
    bindDataGrid(document, ports.dataGrid());
    addJvmOptions(document,
        // RMI stubs of the JMX connector carry this address instead of the machine's name.
        "-Djava.rmi.server.hostname=" + LOOPBACK,
        // Hazelcast binds only the configured interface instead of every address.
        "-Dhazelcast.socket.bind.any=false",
        "-Dosgi.shell.telnet.ip=" + LOOPBACK);

    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    transformer.transform(new DOMSource(document), new StreamResult(domainXml.toFile()));
  }

  private static void setEverywhere(Document document, String element, String attribute, String value) {
    NodeList nodes = document.getElementsByTagName(element);
    if (nodes.getLength() == 0) {
      throw new IllegalStateException("domain.xml has no <" + element + ">; the Payara layout changed");
    }
    for (int i = 0; i < nodes.getLength(); i++) {
      ((Element) nodes.item(i)).setAttribute(attribute, value);
    }
  }

  /**
   * Sets every configuration's JMS service to {@code DISABLED}. A new domain's {@code server-config}
   * has no {@code <jms-service>}, and Payara adds an embedded one at the first start, so one is
   * added where it is missing.
   */
  private static void disableJms(Document document) {
    NodeList configs = document.getElementsByTagName("config");
    for (int i = 0; i < configs.getLength(); i++) {
      Element config = (Element) configs.item(i);
      NodeList services = config.getElementsByTagName("jms-service");
      Element service;
      if (services.getLength() == 0) {
        service = document.createElement("jms-service");
        service.setAttribute("default-jms-host", "default_JMS_host");
        Element host = document.createElement("jms-host");
        host.setAttribute("name", "default_JMS_host");
        host.setAttribute("port", "${JMS_PROVIDER_PORT}");
        service.appendChild(host);
        config.appendChild(service);
      } else {
        service = (Element) services.item(0);
      }
      service.setAttribute("type", "DISABLED");
    }
  }

  /** Makes the debugger, when a start enables it, listen on loopback only. */
  private static void bindDebugger(Document document) {
    NodeList javaConfigs = document.getElementsByTagName("java-config");
    for (int i = 0; i < javaConfigs.getLength(); i++) {
      Element javaConfig = (Element) javaConfigs.item(i);
      String options = javaConfig.getAttribute("debug-options");
      javaConfig.setAttribute("debug-options",
          options.replaceAll("address=(?:[^:,]*:)?([^,]+)", "address=" + LOOPBACK + ":$1"));
    }
  }

  private static void bindDataGrid(Document document, int port) {
    NodeList nodes = document.getElementsByTagName("hazelcast-runtime-configuration");
    if (nodes.getLength() != 1) {
      throw new IllegalStateException("domain.xml has " + nodes.getLength()
          + " <hazelcast-runtime-configuration> elements, expected 1");
    }
    Element grid = (Element) nodes.item(0);
    grid.setAttribute("discovery-mode", "tcpip");
    grid.setAttribute("tcpip-members", LOOPBACK + ":" + port);
    grid.setAttribute("interface", LOOPBACK);
    grid.setAttribute("das-bind-address", LOOPBACK);
    grid.setAttribute("das-public-address", LOOPBACK);
    grid.setAttribute("das-port", Integer.toString(port));
    grid.setAttribute("start-port", Integer.toString(port));
  }

  private static void addJvmOptions(Document document, String... options) {
    NodeList javaConfigs = document.getElementsByTagName("java-config");
    for (int i = 0; i < javaConfigs.getLength(); i++) {
      Element javaConfig = (Element) javaConfigs.item(i);
      for (String option : options) {
        Element element = document.createElement("jvm-options");
        element.setTextContent(option);
        javaConfig.appendChild(element);
      }
    }
  }
}
