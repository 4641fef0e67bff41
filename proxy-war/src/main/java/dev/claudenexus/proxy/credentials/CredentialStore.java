package dev.claudenexus.proxy.credentials;

import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.credentials.CredentialFileParser;
import dev.claudenexus.credentials.CredentialStatus;
import dev.claudenexus.credentials.InvalidCredentialFileException;
import dev.claudenexus.proxy.ProxySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads credential files by domain and notices changes. A lookup checks the file's modification time
 * and size at most once per {@link #RECHECK_NANOS} (one second) unless {@link #invalidate} forces it
 * sooner, and a changed file is parsed again. A domain without valid credentials is checked on every
 * lookup (one file-status call), so a file written a moment ago is used at once. A file that
 * becomes invalid keeps its last valid version in use, and the reason is logged once per change.
 */
@ApplicationScoped
public class CredentialStore {

  static final long RECHECK_NANOS = 1_000_000_000L;
  static final long MAX_FILE_BYTES = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(CredentialStore.class.getName());

  @Inject ProxySettings settings;

  private Path directory;
  private final long recheckNanos;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong nextUnreadableWarning = new AtomicLong(System.nanoTime());

  /** The modification time of an entry whose file does not exist; such entries are not cached. */
  private static final long MISSING = -1;
  /** The modification time of an entry whose file exists but cannot be read. */
  private static final long UNREADABLE = -2;
  /** The modification time of an entry that {@link #invalidate} marked, so its file is read again. */
  private static final long UNKNOWN = -3;
  /** The shortest time between two warnings about files that cannot be read. */
  private static final long UNREADABLE_WARNING_NANOS = 60_000_000_000L;

  /** The maximum number of cached domains. Past it, domains without credentials are not cached. */
  static final int MAX_CACHED_DOMAINS = 10_000;

  /** Creates the store that CDI initialises from {@link ProxySettings}. */
  public CredentialStore() {
    this.recheckNanos = RECHECK_NANOS;
  }

  /** Creates a store over {@code directory} that checks files at most once per interval. */
  CredentialStore(Path directory, Duration recheckInterval) {
    this.directory = directory.toAbsolutePath().normalize();
    this.recheckNanos = recheckInterval.toNanos();
  }

  @PostConstruct
  void init() {
    directory = settings.credentialsDirectory();
    LOG.info(() -> "Credential files are read from " + directory);
  }

  /** Returns the credential file of a normalised domain, or empty when it has none. */
  public Optional<CredentialFile> forDomain(String domain) {
    // Only domains that passed pathOf are cached. compute() locks the domain's bin of the map even
    // when it returns the old entry, so a fresh entry is read without it.
    Entry cached = domain == null ? null : entries.get(domain);
    if (cached != null && cached.isFresh(System.nanoTime(), recheckNanos)) {
      return Optional.ofNullable(cached.credentials);
    }
    Optional<Path> file = pathOf(domain);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Entry entry = entries.compute(domain, (key, old) -> cacheable(refresh(key, file.get(), old)));
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.credentials);
  }

  /**
   * Returns the path of a domain's credential file, or empty when the domain cannot name a file
   * inside the credentials directory.
   */
  public Optional<Path> pathOf(String domain) {
    if (!DomainName.isSafeFileName(domain)) {
      return Optional.empty();
    }
    Path file = directory.resolve(domain + CredentialFile.FILE_SUFFIX).normalize();
    return file.getParent().equals(directory) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Makes the next lookup of a domain read its file again. The last valid version stays cached, so a
   * file that turns out invalid keeps it in use.
   */
  public void invalidate(String domain) {
    entries.computeIfPresent(domain,
        (key, entry) -> new Entry(entry.credentials, UNKNOWN, -1, System.nanoTime() - recheckNanos - 1, false));
  }

  /** Returns a one-line status of a domain's file for logs and operators; it never contains a secret. */
  public String describe(String domain) {
    Optional<Path> path = pathOf(domain);
    if (path.isEmpty() || !Files.exists(path.get())) {
      return "missing";
    }
    try {
      CredentialFile file = load(domain, path.get(), Files.size(path.get()));
      return CredentialStatus.of(file, System.currentTimeMillis());
    } catch (IOException | InvalidCredentialFileException e) {
      return "invalid (" + e.getMessage() + ")";
    }
  }

  /** Returns the domains that have a credential file, sorted. */
  public List<String> domains() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(CredentialFile.FILE_SUFFIX))
          .map(name -> name.substring(0, name.length() - CredentialFile.FILE_SUFFIX.length()))
          .filter(DomainName::isSafeFileName)
          .sorted()
          .toList();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot list the credentials directory {0}: {1}", new Object[] {directory, e.toString()});
      return List.of();
    }
  }

  /** Returns the number of cached domains. */
  int cachedDomains() {
    return entries.size();
  }

  /**
   * Returns {@code entry}, or null (not cached) for a domain without a file, and for one without
   * credentials once the cache contains {@value #MAX_CACHED_DOMAINS} domains. The domain comes from
   * the client's Host header, so clients could otherwise grow the map without limit.
   */
  private Entry cacheable(Entry entry) {
    if (entry.credentials != null) {
      return entry;
    }
    boolean missing = entry.modified == MISSING;
    return missing || entries.size() >= MAX_CACHED_DOMAINS ? null : entry;
  }

  private Entry refresh(String domain, Path file, Entry old) {
    long now = System.nanoTime();
    if (old != null && old.isFresh(now, recheckNanos)) {
      return old;
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return new Entry(null, MISSING, -1, now, false);
    } catch (IOException e) {
      warnUnreadable(file, e, now);
      return old != null && old.credentials != null
          ? old.unreadable(now)
          : new Entry(null, UNREADABLE, -1, now, true);
    }
    long modified = attributes.lastModifiedTime().toMillis();
    if (old != null && old.modified == modified && old.size == attributes.size()) {
      return old.checked(now);
    }
    try {
      CredentialFile parsed = load(domain, file, attributes.size());
      if (old != null && old.credentials != null) {
        LOG.info(() -> "Reloaded the changed credential file " + file.getFileName());
      } else if (old != null) {
        LOG.info(() -> "Loaded the credential file " + file.getFileName());
      }
      return new Entry(parsed, modified, attributes.size(), now, false);
    } catch (IOException | InvalidCredentialFileException e) {
      LOG.log(
          Level.WARNING,
          "The credential file {0} is invalid ({1}); {2}",
          new Object[] {
            file,
            e.getMessage(),
            old != null && old.credentials != null
                ? "the last valid version stays in use"
                : "the domain has no credentials until it is fixed"
          });
      CredentialFile lastGood = old == null ? null : old.credentials;
      return new Entry(lastGood, modified, attributes.size(), now, false);
    }
  }

  private static CredentialFile load(String domain, Path file, long size) throws IOException {
    if (size > MAX_FILE_BYTES) {
      throw new InvalidCredentialFileException("the file is larger than " + MAX_FILE_BYTES + " bytes");
    }
    return CredentialFileParser.parse(domain, Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Logs that a credential file cannot be read, at most once per {@link #UNREADABLE_WARNING_NANOS}
   * for all domains together, because the domain comes from the client's Host header and an
   * unreadable directory fails every lookup.
   */
  private void warnUnreadable(Path file, IOException error, long now) {
    long next = nextUnreadableWarning.get();
    if (now - next >= 0 && nextUnreadableWarning.compareAndSet(next, now + UNREADABLE_WARNING_NANOS)) {
      LOG.log(Level.WARNING, "Cannot read the credential file {0}: {1}. Further files that cannot be"
          + " read are not logged for a minute.", new Object[] {file, error.toString()});
    }
  }

  /**
   * A cached lookup of one domain.
   *
   * @param unreadable whether the last check could not read the file's attributes
   */
  private record Entry(CredentialFile credentials, long modified, long size, long checkedAt,
      boolean unreadable) {
    Entry checked(long now) {
      return new Entry(credentials, modified, size, now, false);
    }

    Entry unreadable(long now) {
      return new Entry(credentials, modified, size, now, true);
    }

    /**
     * Returns whether the entry, with credentials or for an unreadable file, was checked less than
     * {@code recheckNanos} ago. Other entries without credentials are checked on every lookup.
     */
    boolean isFresh(long now, long recheckNanos) {
      return (credentials != null || unreadable) && now - checkedAt < recheckNanos;
    }
  }
}
