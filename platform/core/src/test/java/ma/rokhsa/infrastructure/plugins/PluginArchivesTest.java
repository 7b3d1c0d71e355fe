package ma.rokhsa.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ma.rokhsa.application.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchivesTest {

  @TempDir Path dir;

  @Test
  void aWellFormedZipGivesItsDescriptor() throws IOException {
    byte[] zip =
        zip(
            Map.of(
                "plugin.properties",
                "plugin.id=permis-de-construire\nplugin.version=0.1.0-SNAPSHOT\n",
                "classes/a.txt",
                "a"));
    assertThat(PluginArchives.inspect(zip).getProperty("plugin.id"))
        .isEqualTo("permis-de-construire");
  }

  @Test
  void anIdThatWouldNameAPathOrAnOddVersionIsRefused() throws IOException {
    for (String id : new String[] {"../../evil", "a/b", "Upper", "-x", "x-", "a..b", ""}) {
      byte[] zip = zip(Map.of("plugin.properties", "plugin.id=" + id + "\nplugin.version=1.0\n"));
      assertThatThrownBy(() -> PluginArchives.inspect(zip))
          .as(id)
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("plugin.id");
    }
    assertThat(PluginArchives.isValidId("x".repeat(65))).isFalse();
    for (String version : new String[] {"../1", "1.0.0 x", "latest", "1.0.0-"}) {
      byte[] zip =
          zip(Map.of("plugin.properties", "plugin.id=ok\nplugin.version=" + version + "\n"));
      assertThatThrownBy(() -> PluginArchives.inspect(zip))
          .as(version)
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("plugin.version");
    }
  }

  @Test
  void aZipBombStopsAtTheBoundInsteadOfFillingTheDisk() throws IOException {
    // 300 MiB of zeros compress to a few hundred kilobytes.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("plugin.properties"));
      out.write("plugin.id=bomb\nplugin.version=1.0.0\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("lib/zeros.bin"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 300; i++) {
        out.write(zeros);
      }
    }
    byte[] zip = bytes.toByteArray();
    assertThat(zip.length).isLessThan(PluginArchives.MAX_ZIP_BYTES);
    assertThatThrownBy(() -> PluginArchives.inspect(zip))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("unpacks to more than 256 MiB");

    Path file = Files.write(dir.resolve("bomb.zip"), zip);
    Path target = Files.createDirectories(dir.resolve("unpacked"));
    assertThatThrownBy(() -> PluginArchives.unpack(file, target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unpacks to more than 256 MiB");
    try (Stream<Path> walk = Files.walk(target)) {
      long written = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      assertThat(written).isLessThanOrEqualTo(PluginArchives.MAX_UNPACKED_BYTES);
    }
  }

  @Test
  void tooManyEntriesAreRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("plugin.properties"));
      out.write("plugin.id=many\nplugin.version=1.0.0\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < PluginArchives.MAX_ENTRIES; i++) {
        out.putNextEntry(new ZipEntry("e/" + i));
      }
    }
    assertThatThrownBy(() -> PluginArchives.inspect(bytes.toByteArray()))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("more than " + PluginArchives.MAX_ENTRIES + " entries");
  }

  @Test
  void anEntryPointingOutsideThePluginIsNotWritten() throws IOException {
    Path file =
        Files.write(
            dir.resolve("slip.zip"),
            zip(Map.of("plugin.properties", "plugin.id=slip\nplugin.version=1\n", "../out", "x")));
    Path target = Files.createDirectories(dir.resolve("slip"));
    assertThatThrownBy(() -> PluginArchives.unpack(file, target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("points outside the plugin");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  private static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }
}
