package org.hse.api.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hse.api.ChildProcess;

/**
 * HAProxy from the Debian package ({@code /usr/sbin/haproxy}; {@code .ci/run} installs it when
 * missing) as a child process of the test, balancing round robin over the service's instances
 * (Payara Micro or WildFly) and taking an instance out while its {@code /health/ready} fails. The
 * configuration it writes is the one the README shows ("Running several instances"). Test-only.
 */
final class HaProxy implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/haproxy");

  private final int port;
  private final Path config;
  private final ChildProcess process;

  private HaProxy(int port, Path config, ChildProcess process) {
    this.port = port;
    this.config = config;
    this.process = process;
  }

  /** Fails when HAProxy is not installed: before the instances start, which takes minutes. */
  static void requireInstalled() {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " is missing: apt-get install haproxy (.ci/run does it)");
    }
  }

  /**
   * Starts HAProxy on this port (chosen before the instances, whose issuer URL names it) in front
   * of these instances, and waits until it answers.
   */
  static HaProxy start(Path workDir, int port, List<URI> instances) {
    requireInstalled();
    Path config = workDir.resolve("haproxy.cfg");
    StringBuilder text =
        new StringBuilder()
            .append("global\n")
            .append("  maxconn 512\n")
            .append("defaults\n")
            .append("  mode http\n")
            .append("  timeout connect 2s\n")
            .append("  timeout client 60s\n")
            .append("  timeout server 60s\n")
            .append("  retries 3\n")
            .append("  option redispatch 1\n")
            .append("frontend api\n")
            .append("  bind 127.0.0.1:")
            .append(port)
            .append('\n')
            .append("  option forwardfor\n")
            .append("  default_backend instances\n")
            .append("backend instances\n")
            .append("  balance roundrobin\n")
            .append("  option httpchk GET /health/ready\n")
            .append("  http-check expect status 200\n")
            .append("  default-server inter 1s fall 2 rise 2\n");
    for (int i = 0; i < instances.size(); i++) {
      URI instance = instances.get(i);
      text.append("  server i")
          .append(i + 1)
          .append(' ')
          .append(instance.getHost())
          .append(':')
          .append(instance.getPort())
          .append(" check\n");
    }
    try {
      Files.writeString(config, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessBuilder builder =
        new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString())
            .directory(workDir.toFile());
    ChildProcess process = ChildProcess.start("haproxy", builder, workDir.resolve("haproxy.log"));
    HaProxy proxy = new HaProxy(port, config, process);
    process.awaitHttp(proxy.baseUrl().resolve("health/ready"), Duration.ofSeconds(60));
    return proxy;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  Path config() {
    return config;
  }

  @Override
  public void close() {
    process.close();
  }
}
