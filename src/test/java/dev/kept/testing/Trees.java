package dev.kept.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folder trees in tests: copied whole, and fingerprinted file by file to compare sites byte for byte. */
public final class Trees {
  private Trees() {}

  /** Copies every folder and file under {@code from} to the same place under {@code to}; returns {@code to}. */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /** Every regular file under {@code site}, by its relative path, with the SHA-256 of its bytes. */
  public static TreeMap<String, String> digest(Path site) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(site.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
      }
    }
    return files;
  }
}
