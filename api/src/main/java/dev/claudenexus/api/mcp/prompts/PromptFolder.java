package dev.claudenexus.api.mcp.prompts;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the prompt files of one folder. Only regular files directly in the folder count: symbolic
 * links, sub-folders, files with another name and files above {@link PromptFileReader#MAX_FILE_BYTES}
 * are skipped, as are files beyond the first {@value #MAX_FILES}.
 */
public final class PromptFolder {

  /** The maximum number of prompt files read from the folder. */
  public static final int MAX_FILES = 1_000;

  private final Path directory;
  private final PromptFileReader reader;

  public PromptFolder(Path directory, PromptFileReader reader) {
    this.directory = directory;
    this.reader = reader;
  }

  public Path directory() {
    return directory;
  }

  /** Reads every prompt file. A folder that does not exist reads as empty. */
  public PromptSet read() throws IOException {
    List<Path> files = listFiles();
    Map<String, Prompt> prompts = new TreeMap<>();
    Map<String, String> skipped = new HashMap<>();
    StringBuilder fingerprint = new StringBuilder();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      BasicFileAttributes attributes = attributes(file);
      if (attributes == null) {
        continue;
      }
      fingerprint.append(entry(fileName, attributes));
      String problem = problem(fileName, attributes, prompts.size() + skipped.size());
      if (problem != null) {
        skipped.put(fileName, problem);
        continue;
      }
      try {
        Prompt prompt = reader.read(fileName, readText(file));
        if (prompts.containsKey(prompt.name())) {
          skipped.put(fileName, "another file already defines the prompt " + prompt.name());
        } else {
          prompts.put(prompt.name(), prompt);
        }
      } catch (IllegalArgumentException e) {
        skipped.put(fileName, e.getMessage());
      } catch (IOException e) {
        skipped.put(fileName, "the file could not be read: " + e.getMessage());
      }
    }
    return new PromptSet(new TreeMap<>(prompts), skipped, fingerprint.toString());
  }

  /** Returns what the folder lists now, in the form of {@link PromptSet#fingerprint}. */
  public String fingerprint() throws IOException {
    StringBuilder fingerprint = new StringBuilder();
    for (Path file : listFiles()) {
      BasicFileAttributes attributes = attributes(file);
      if (attributes != null) {
        fingerprint.append(entry(file.getFileName().toString(), attributes));
      }
    }
    return fingerprint.toString();
  }

  private List<Path> listFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
        entry -> isPromptFileName(entry.getFileName().toString()))) {
      entries.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  private static boolean isPromptFileName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  private static String problem(String fileName, BasicFileAttributes attributes, int counted) {
    if (attributes.isSymbolicLink()) {
      return "the file is a symbolic link; prompt files must be regular files in the folder";
    }
    if (!attributes.isRegularFile()) {
      return "not a regular file";
    }
    if (counted >= MAX_FILES) {
      return "the folder has more than " + MAX_FILES + " prompt files";
    }
    if (attributes.size() > PromptFileReader.MAX_FILE_BYTES) {
      return "the file is larger than " + PromptFileReader.MAX_FILE_BYTES + " bytes";
    }
    return PromptFileNames.problem(fileName).orElse(null);
  }

  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      // The file was removed between listing and reading: it is simply not part of this set.
      return null;
    }
  }

  private static String entry(String fileName, BasicFileAttributes attributes) {
    return fileName + '\u0000' + attributes.size() + '\u0000' + attributes.lastModifiedTime().toMillis()
        + '\n';
  }

  private static String readText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length > PromptFileReader.MAX_FILE_BYTES) {
      throw new IllegalArgumentException("the file is larger than " + PromptFileReader.MAX_FILE_BYTES + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the file is not valid UTF-8", e);
    }
  }
}
