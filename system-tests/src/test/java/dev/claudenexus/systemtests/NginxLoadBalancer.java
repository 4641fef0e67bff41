package dev.claudenexus.systemtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Debian's nginx as a round-robin load balancer on 127.0.0.1 in front of proxy instances, set up as
 * docs/cluster.md recommends for a streaming proxy: no buffering in either direction, HTTP/1.1 with
 * keep-alive to the instances, and long read timeouts. Its configuration, pid file, logs and
 * temporary files live in one directory. It runs in the foreground as a child process and is
 * stopped by its PID. Each response carries the address of the instance that served it in {@value
 * #UPSTREAM_HEADER}, so a test can see where a request went.
 */
final class NginxLoadBalancer implements AutoCloseable {

  static final String UPSTREAM_HEADER = "X-Upstream-Addr";

  private static final Logger LOG = Logger.getLogger(NginxLoadBalancer.class.getName());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  final int port;
  private final Path directory;
  private final Process process;

  private NginxLoadBalancer(int port, Path directory, Process process) {
    this.port = port;
    this.directory = directory;
    this.process = process;
  }

  /**
   * Writes the configuration into {@code directory} (emptied first) and starts nginx on 127.0.0.1
   * at {@code port} in front of the given instance ports.
   *
   * @throws IllegalStateException when nginx is not installed or does not start
   */
  static NginxLoadBalancer start(Path directory, int port, List<Integer> instancePorts)
      throws IOException, InterruptedException {
    Path executable = executable();
    NexusServer.deleteRecursively(directory);
    Files.createDirectories(directory.resolve("temp"));
    Path configuration = directory.resolve("nginx.conf");
    Files.writeString(configuration, configuration(directory, port, instancePorts), StandardCharsets.UTF_8);

    Process process = new ProcessBuilder(executable.toString(), "-p", directory.toString(),
        "-c", configuration.toString(), "-e", directory.resolve("error.log").toString())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("nginx.out").toFile())
        .start();
    NginxLoadBalancer balancer = new NginxLoadBalancer(port, directory, process);
    try {
      balancer.awaitListening();
    } catch (IOException | RuntimeException e) {
      balancer.close();
      throw e;
    }
    LOG.info(() -> "nginx (pid " + process.pid() + ") balances 127.0.0.1:" + port + " over " + instancePorts);
    return balancer;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Returns the {@code Host} value that requests to {@link #baseUrl} carry, which nginx passes on. */
  String domain() {
    return "127.0.0.1:" + port;
  }

  /** Returns the text of the error log, for failure messages. */
  String errorLog() throws IOException {
    Path log = directory.resolve("error.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Returns the directory that contains the configuration, logs and temporary files. */
  Path directory() {
    return directory;
  }

  /** Stops nginx with SIGTERM (a fast shutdown), and kills it when it is still running after 10 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
            + Files.readString(directory.resolve("nginx.out")) + errorLog());
      }
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + " within "
        + START_TIMEOUT.toSeconds() + " s: " + errorLog());
  }

  private static Path executable() {
    for (String folder : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
      Path candidate = Path.of(folder.isEmpty() ? "." : folder, "nginx");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("nginx is not installed. Install Debian's nginx package"
        + " (.ci/run does) to run the tests with several instances.");
  }

  /**
   * Returns the nginx configuration. The {@code user} directive names the current user: nginx
   * applies it only when started as root, so its workers can write to the directory, and ignores it
   * with a warning otherwise.
   */
  private static String configuration(Path directory, int port, List<Integer> instancePorts) {
    String servers = instancePorts.stream()
        .map(instancePort -> "    server 127.0.0.1:" + instancePort + ";")
        .collect(Collectors.joining("\n"));
    Path temp = directory.resolve("temp");
    return """
        daemon off;
        user %s;
        worker_processes 1;
        pid %s;
        error_log %s warn;

        events {
          worker_connections 512;
        }

        http {
          access_log %s;
          client_body_temp_path %s;
          proxy_temp_path %s;
          fastcgi_temp_path %s;
          uwsgi_temp_path %s;
          scgi_temp_path %s;

          upstream nexus_proxy {
        %s
            keepalive 16;
          }

          server {
            listen 127.0.0.1:%d;
            client_max_body_size 64m;

            location / {
              proxy_pass http://nexus_proxy;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $http_host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
              proxy_buffering off;
              proxy_request_buffering off;
              proxy_read_timeout 3600s;
              proxy_send_timeout 3600s;
              add_header %s $upstream_addr always;
            }
          }
        }
        """.formatted(System.getProperty("user.name"), directory.resolve("nginx.pid"),
        directory.resolve("error.log"), directory.resolve("access.log"), temp.resolve("client_body"),
        temp.resolve("proxy"), temp.resolve("fastcgi"), temp.resolve("uwsgi"), temp.resolve("scgi"),
        servers, port, UPSTREAM_HEADER);
  }
}
