package vn.motcua.files;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a citizen may upload: PDF and the two common image formats. The kind is read from the
 * file's first bytes (its signature), never trusted from the declared content type; the name's extension
 * must agree with it.
 */
public enum FileKind {
  PDF("application/pdf", List.of("pdf"), new int[] {'%', 'P', 'D', 'F', '-'}),
  PNG("image/png", List.of("png"), new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  JPEG("image/jpeg", List.of("jpg", "jpeg"), new int[] {0xFF, 0xD8, 0xFF});

  /** How many leading bytes {@link #sniff} needs. */
  public static final int SIGNATURE_BYTES = 8;

  private final String contentType;
  private final List<String> extensions;
  private final int[] signature;

  FileKind(String contentType, List<String> extensions, int[] signature) {
    this.contentType = contentType;
    this.extensions = extensions;
    this.signature = signature;
  }

  public String contentType() {
    return contentType;
  }

  public List<String> extensions() {
    return extensions;
  }

  /** The kind whose signature the bytes start with. */
  public static Optional<FileKind> sniff(byte[] head, int length) {
    return Arrays.stream(values()).filter(k -> k.matches(head, length)).findFirst();
  }

  private boolean matches(byte[] head, int length) {
    if (length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((head[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  /** The kind a file name's extension claims, if it is one of ours. */
  public static Optional<FileKind> ofExtension(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.extensions.contains(ext)).findFirst();
  }
}
