package vn.motcua.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.motcua.files.DossierFiles.Upload;
import vn.motcua.web.ApiException;

/** The file checks and the filesystem store, without Spring. */
class DossierFilesTest {
  static final byte[] PDF = "%PDF-1.7\nhello\n%%EOF".getBytes(StandardCharsets.US_ASCII);
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

  @TempDir Path dir;

  private FileProperties properties() {
    return new FileProperties(dir, DataSize.ofKilobytes(1), 3);
  }

  @Test
  void the_kind_comes_from_the_first_bytes_and_must_agree_with_the_extension() {
    assertThat(FileKind.sniff(PDF, PDF.length)).contains(FileKind.PDF);
    assertThat(FileKind.sniff(JPEG, JPEG.length)).contains(FileKind.JPEG);
    assertThat(FileKind.sniff(new byte[] {'%', 'P'}, 2)).isEmpty();
    assertThat(FileKind.ofExtension("Ảnh chụp.JPEG")).contains(FileKind.JPEG);
    assertThat(FileKind.ofExtension("tai-lieu.docx")).isEmpty();

    DossierFiles files = new DossierFiles(mock(FileStore.class), mock(DossierFileRepository.class), properties());
    Map<String, String> errors = new LinkedHashMap<>();
    List<DossierFiles.Checked> ok = files.check(List.of(Upload.of("C:\\Users\\an\\đơn đề nghị.pdf", PDF),
        Upload.of("anh.jpg", JPEG)), "files", true, errors);
    assertThat(errors).isEmpty();
    assertThat(ok).extracting(DossierFiles.Checked::name).containsExactly("đơn đề nghị.pdf", "anh.jpg");

    files.check(List.of(Upload.of("anh.png", JPEG), Upload.of("x\u202Egpj.exe", PDF), Upload.of("lon.pdf", new byte[2048]),
        Upload.of(".pdf", PDF)), "files", true, errors);
    assertThat(errors).containsOnlyKeys("files");
    errors.clear();
    files.check(List.of(Upload.of("anh.png", JPEG), Upload.of("x\u202Egpj.exe", PDF), Upload.of("lon.pdf", new byte[2048])),
        "files", true, errors);
    assertThat(errors).containsOnlyKeys("files[0]", "files[1]", "files[2]");
    assertThat(errors.get("files[0]")).contains("không phải là PNG");
    assertThat(errors.get("files[2]")).contains("vượt quá");
  }

  @Test
  void names_are_cleaned_and_hidden_characters_refused() {
    assertThat(DossierFiles.cleanName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
    assertThat(DossierFiles.cleanName("Hợp  đồng thuê.pdf")).isEqualTo("Hợp đồng thuê.pdf");
    String nfd = "Ho\u031B\u0323p \u0111o\u0302\u0300ng.pdf";
    assertThat(DossierFiles.cleanName(nfd)).isEqualTo("Hợp đồng.pdf");
    assertThat(DossierFiles.cleanName("a\u200Bb.pdf")).isNull();
    assertThat(DossierFiles.cleanName("tab\there.pdf")).isNull();
    assertThat(DossierFiles.cleanName("   ")).isNull();
    assertThat(DossierFiles.cleanName("x".repeat(201) + ".pdf")).isNull();
  }

  @Test
  void stored_files_survive_a_restart_and_a_damaged_file_is_reported_not_served() throws Exception {
    FilesystemFileStore store = new FilesystemFileStore(properties());
    StoredFile stored = store.put(new ByteArrayInputStream(PDF));
    assertThat(stored.size()).isEqualTo(PDF.length);
    assertThat(stored.sha256()).hasSize(64);
    assertThat(stored.storageKey()).matches("\\d{4}/\\d{2}/[0-9a-f-]{36}");
    try (var incoming = Files.list(dir.resolve(".incoming"))) {
      assertThat(incoming).isEmpty();
    }

    // a new store on the same directory (the application restarted) reads the same bytes
    FilesystemFileStore restarted = new FilesystemFileStore(properties());
    try (InputStream in = restarted.open(stored.storageKey())) {
      assertThat(in.readAllBytes()).isEqualTo(PDF);
    }
    assertThatThrownBy(() -> restarted.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);

    DossierFileRepository repository = mock(DossierFileRepository.class);
    DossierFile row = new DossierFile(7, 42, DossierFile.Purpose.SUBMISSION, "don.pdf", "application/pdf", PDF.length,
        stored.sha256(), stored.storageKey(), Instant.now(), "citizen");
    when(repository.find(eq(42L), eq(7L))).thenReturn(Optional.of(row));
    DossierFiles files = new DossierFiles(restarted, repository, properties());
    assertThat(files.read(42, 7).bytes()).isEqualTo(PDF);

    Files.write(dir.resolve(stored.storageKey()), "%PDF-1.7 tampered".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> files.read(42, 7)).isInstanceOf(ApiException.class)
        .hasMessageContaining("sai mã kiểm tra");
    Files.delete(dir.resolve(stored.storageKey()));
    assertThatThrownBy(() -> files.read(42, 7)).isInstanceOf(ApiException.class)
        .hasMessageContaining("không còn trong kho");
  }

  @Test
  void staged_files_are_removed_when_their_transaction_does_not_commit() {
    FilesystemFileStore store = new FilesystemFileStore(properties());
    DossierFiles files = new DossierFiles(store, mock(DossierFileRepository.class), properties());
    Map<String, String> errors = new LinkedHashMap<>();
    List<DossierFiles.Staged> staged = files.stage(files.check(List.of(Upload.of("a.pdf", PDF), Upload.of("b.jpg", JPEG)),
        "files", true, errors));
    assertThat(staged).hasSize(2);
    assertThat(Files.exists(dir.resolve(staged.get(0).stored().storageKey()))).isTrue();
    files.discard(staged);
    assertThat(Files.exists(dir.resolve(staged.get(0).stored().storageKey()))).isFalse();
    assertThat(Files.exists(dir.resolve(staged.get(1).stored().storageKey()))).isFalse();
  }
}
