package dev.claudenexus.proxy.credentials;

import dev.claudenexus.credentials.CredentialFile;
import dev.claudenexus.proxy.ProxySettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Logs the status of every credential file at start-up, then watches the credentials directory so a
 * created, changed or deleted file applies at once. The per-lookup recheck of {@link CredentialStore}
 * remains the fallback where the file system sends no events.
 */
@ApplicationScoped
public class CredentialWatcher {

  private static final Logger LOG = Logger.getLogger(CredentialWatcher.class.getName());

  @Inject ProxySettings settings;
  @Inject CredentialStore credentials;

  private WatchService watchService;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    Path directory = settings.credentialsDirectory();
    for (String domain : credentials.domains()) {
      LOG.info(() -> "Credential file " + domain + CredentialFile.FILE_SUFFIX + ": " + credentials.describe(domain));
    }
    if (!Files.isDirectory(directory)) {
      LOG.warning(() -> "The credentials directory " + directory + " does not exist; create it and"
          + " add files with bin/nexus credentials add");
      return;
    }
    try {
      watchService = FileSystems.getDefault().newWatchService();
      directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
      Thread thread = threadFactory().newThread(this::watch);
      thread.setName("nexus-credential-watcher");
      thread.start();
    } catch (IOException | NamingException e) {
      LOG.log(Level.WARNING, "Cannot watch {0}; changes apply within a second of the next request: {1}",
          new Object[] {directory, e.toString()});
    }
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watchService.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.context() instanceof Path name && name.toString().endsWith(CredentialFile.FILE_SUFFIX)) {
            String domain = name.toString().substring(0, name.toString().length() - CredentialFile.FILE_SUFFIX.length());
            credentials.invalidate(domain);
            credentials.forDomain(domain);
          }
        }
        if (!key.reset()) {
          LOG.warning("The credentials directory is no longer watched; changes apply on the next request");
          return;
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Stopped with the application.
    }
  }

  private static ManagedThreadFactory threadFactory() throws NamingException {
    return (ManagedThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
  }

  @PreDestroy
  void stop() {
    if (watchService != null) {
      try {
        watchService.close();
      } catch (IOException e) {
        LOG.fine(() -> "Closing the watch service failed: " + e);
      }
    }
  }
}
