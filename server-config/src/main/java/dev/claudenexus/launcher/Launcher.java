package dev.claudenexus.launcher;

import dev.claudenexus.credentials.CredentialFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point of {@code bin/nexus}'s Java steps.
 *
 * <pre>
 * prepare proxy RUNTIME_DIR        writes the boot files, prints the command, one argument a line
 * prepare dashboard RUNTIME_DIR    the same for the dashboard
 * server-commands RUNTIME_DIR [--output FILE]
 *                                  the asadmin commands that set up both wars on Payara Server
 * credentials add --domain D (--api-key K | --oauth-file F) [--account-id A]
 * credentials list | remove --domain D | rotate-client-key --domain D [--grace-minutes M]
 * relink [--since DATE] [--domain D] [--mode original|current] [--batch-size N]
 * copy-conversation --conversation-id ID --dest-db URL [--dry-run] [--include-chunks]
 * backup [--dest DIR]              prints the backup procedure, or writes a backup into DIR
 * restore [--from FILE]            prints the restore procedure, or restores FILE
 * rebuild-rollups                  fills the usage rollups again from every stored request
 * retention                        applies RETENTION_BODY_DAYS and RETENTION_DAYS now
 * analysis status | reset-stuck [--older-than-minutes M] | fail-exceeded [--max-retries N]
 * demo prepare                     writes the demo's credential files, prints its settings as NAME=value lines
 * demo run RUN_DIR                 serves the fake API, plays the demo sessions, then keeps serving
 * </pre>
 */
public final class Launcher {

  private static final List<String> CREDENTIAL_OPTIONS =
      List.of("--domain", "--api-key", "--account-id", "--oauth-file", "--grace-minutes");
  private static final List<String> RELINK_OPTIONS =
      List.of("--since", "--domain", "--mode", "--batch-size");

  private static final List<String> ANALYSIS_OPTIONS =
      List.of("--older-than-minutes", "--max-retries");

  private Launcher() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("nexus: " + e.getMessage());
      System.exit(2);
    } catch (CommandFailedException e) {
      System.err.println("nexus: " + e.getMessage());
      System.exit(1);
    } catch (FileSystemException e) {
      String reason = e instanceof AccessDeniedException ? "permission denied"
          : Objects.requireNonNullElse(e.getReason(), e.getClass().getSimpleName());
      System.err.println("nexus: cannot write " + e.getFile() + " (" + reason
          + "). Check NEXUS_HOME, CREDENTIALS_DIR and the working directory.");
      System.exit(1);
    } catch (Exception e) {
      System.err.println("nexus: " + e);
      System.exit(1);
    }
  }

  static int run(String[] args) throws Exception {
    Path workingDirectory = Path.of("").toAbsolutePath();
    Environment env = Environment.load(workingDirectory, System.getenv());
    Path home = Path.of(env.get("NEXUS_HOME", workingDirectory.toString())).toAbsolutePath().normalize();
    if (args.length == 3 && args[0].equals("prepare")
        && (args[1].equals("proxy") || args[1].equals("dashboard"))) {
      ServiceLaunch launch = new ServiceLaunch(env, home, Path.of(args[2]), workingDirectory);
      List<String> command = args[1].equals("proxy") ? launch.prepareProxy() : launch.prepareDashboard();
      command.forEach(System.out::println);
      return 0;
    }
    if (args.length >= 2 && args[0].equals("check")) {
      for (int i = 1; i < args.length; i++) {
        ServiceLaunch.validate(env, args[i]);
      }
      return 0;
    }
    if (args.length == 1 && args[0].equals("database-kind")) {
      boolean postgres = DatabaseSettings.from(env, home.resolve("data")).isPostgres();
      System.out.println(postgres ? "postgresql" : "h2");
      return 0;
    }
    if (args.length >= 2 && args[0].equals("server-commands")) {
      Map<String, String> options = options(args, 2, List.of("--output"));
      List<String> commands = new ServerCommands(env, home, Path.of(args[1]), workingDirectory).commands();
      String text = String.join("\n", commands) + "\n";
      if (options.containsKey("--output")) {
        Path output = Path.of(options.get("--output")).toAbsolutePath();
        ServiceLaunch.writePrivate(output, text);
        System.err.println("Wrote " + output + " (mode 600, contains the database password)."
            + " Apply it to the running domain with: asadmin multimode --file " + output);
      } else {
        System.out.print(text);
      }
      return 0;
    }
    if (args.length >= 1 && args[0].equals("relink")) {
      Map<String, String> options = options(args, 1, RELINK_OPTIONS);
      return new RelinkCommand(env, home).run(options, System.err);
    }
    if (args.length >= 1 && args[0].equals("backup")) {
      return new BackupCommand(env, home, null, Clock.systemUTC())
          .run(options(args, 1, List.of("--dest")), System.out);
    }
    if (args.length >= 1 && args[0].equals("restore")) {
      return new RestoreCommand(env, home, null, Clock.systemUTC())
          .run(options(args, 1, List.of("--from")), System.out);
    }
    if (args.length >= 1 && args[0].equals("copy-conversation")) {
      return new CopyConversationCommand(env, home).run(CopyOptions.parse(args, 1), System.out);
    }
    if (args.length >= 2 && args[0].equals("analysis")) {
      Map<String, String> options = options(args, 2, ANALYSIS_OPTIONS);
      return new AnalysisCommand(env, home).run(args[1], options, System.out);
    }
    if (args.length == 1 && args[0].equals("retention")) {
      return new RetentionCommand(env, home).run(System.err);
    }
    if (args.length == 1 && args[0].equals("rebuild-rollups")) {
      return new RollupCommand(env, home).run(System.err);
    }
    if (args.length >= 1 && args[0].equals("demo")) {
      return demo(args, env, home);
    }
    if (args.length >= 2 && args[0].equals("credentials") && !args[1].equals("add")) {
      return credentials(args, env);
    }
    if (args.length >= 2 && args[0].equals("credentials") && args[1].equals("add")) {
      Map<String, String> options = options(args, 2, CREDENTIAL_OPTIONS);
      String domain = required(options, "--domain").strip().toLowerCase(Locale.ROOT);
      Path directory = Path.of(env.get("CREDENTIALS_DIR", "credentials")).toAbsolutePath();
      String key = options.containsKey("--oauth-file")
          ? CredentialFileWriter.writeOAuth(directory, domain, Path.of(options.get("--oauth-file")),
              options.get("--account-id"))
          : CredentialFileWriter.write(directory, domain, required(options, "--api-key"),
              options.get("--account-id"));
      System.out.println("Wrote " + directory.resolve(domain + CredentialFile.FILE_SUFFIX) + " (mode 600).");
      System.out.println("Client key for " + domain + " (shown once; set it as ANTHROPIC_API_KEY):");
      System.out.println(key);
      return 0;
    }
    throw new IllegalArgumentException("unknown command; run bin/nexus help");
  }

  /** Runs {@code demo prepare} or {@code demo run RUN_DIR}. */
  private static int demo(String[] args, Environment env, Path home) throws Exception {
    DemoCommand demo = new DemoCommand(env, home);
    if (args.length == 2 && args[1].equals("prepare")) {
      demo.writeCredentials();
      demo.settings().forEach(System.out::println);
      return 0;
    }
    if (args.length == 3 && args[1].equals("run")) {
      return demo.run(Path.of(args[2]).toAbsolutePath());
    }
    throw new IllegalArgumentException("unknown demo command; use demo prepare or demo run RUN_DIR");
  }

  /** Runs {@code credentials list | remove | rotate-client-key}. */
  private static int credentials(String[] args, Environment env) throws Exception {
    Path directory = Path.of(env.get("CREDENTIALS_DIR", "credentials")).toAbsolutePath();
    CredentialCommands commands = new CredentialCommands(directory, System.out);
    Map<String, String> options = options(args, 2, CREDENTIAL_OPTIONS);
    switch (args[1]) {
      case "list" -> commands.list();
      case "remove" -> commands.remove(required(options, "--domain").strip().toLowerCase(Locale.ROOT));
      case "rotate-client-key" -> {
        String domain = required(options, "--domain").strip().toLowerCase(Locale.ROOT);
        long minutes = Long.parseLong(options.getOrDefault("--grace-minutes", "60"));
        if (minutes < 0) {
          throw new IllegalArgumentException("--grace-minutes must be 0 or more");
        }
        String key = commands.rotateClientKey(domain, Duration.ofMinutes(minutes));
        System.out.println("New client key for " + domain + " (shown once); the old key works for "
            + minutes + " more minutes:");
        System.out.println(key);
      }
      default -> throw new IllegalArgumentException("unknown credentials command " + args[1]
          + "; use add, list, remove or rotate-client-key");
    }
    return 0;
  }

  private static Map<String, String> options(String[] args, int from, List<String> known) {
    Map<String, String> options = new HashMap<>();
    for (int i = from; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("invalid argument \"" + args[i] + "\": expected --option value pairs");
      }
      if (!known.contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + ", expected one of "
            + String.join(", ", known));
      }
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
