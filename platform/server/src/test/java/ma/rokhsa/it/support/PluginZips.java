package ma.rokhsa.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real PF4J zip plugins in a test, the way a vendor's build would: Java sources compiled
 * against the plugin API (with PF4J's annotation processor writing the extension index), resources,
 * {@code plugin.properties}, all zipped.
 */
public final class PluginZips {

  private PluginZips() {}

  /**
   * Writes {@code <id>.zip} into {@code dir}.
   *
   * @param sources Java sources by path ({@code com/acme/Broken.java})
   * @param resources other files of the plugin by path ({@code procedure.yaml})
   */
  public static Path build(
      Path dir,
      String id,
      String version,
      String requires,
      Map<String, String> sources,
      Map<String, String> resources) {
    return build(dir, id, version, requires, null, sources, resources);
  }

  /** The same, with a {@code plugin.class} (a subclass of {@code org.pf4j.Plugin}). */
  public static Path build(
      Path dir,
      String id,
      String version,
      String requires,
      String pluginClass,
      Map<String, String> sources,
      Map<String, String> resources) {
    try {
      Path work = Files.createTempDirectory(dir, id + "-build-");
      Path src = work.resolve("src");
      Path classes = work.resolve("classes");
      Files.createDirectories(classes);
      List<String> files = new ArrayList<>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        files.add(file.toString());
      }
      if (!files.isEmpty()) {
        compile(classes, files, id);
      }
      for (Map.Entry<String, String> resource : resources.entrySet()) {
        Path file = classes.resolve(resource.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, resource.getValue());
      }
      Path zip = dir.resolve(id + ".zip");
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
        put(
            out,
            "plugin.properties",
            ("plugin.id="
                    + id
                    + "\nplugin.version="
                    + version
                    + "\nplugin.requires="
                    + requires
                    + "\nplugin.provider=Tests\n"
                    + (pluginClass == null ? "" : "plugin.class=" + pluginClass + "\n"))
                .getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> walk = Files.walk(classes)) {
          for (Path file : walk.filter(Files::isRegularFile).toList()) {
            put(
                out,
                "classes/" + classes.relativize(file).toString().replace('\\', '/'),
                Files.readAllBytes(file));
          }
        }
      }
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compile(Path classes, List<String> files, String id) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "--release",
                "17"));
    args.addAll(files);
    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("the test plugin " + id + " does not compile");
    }
  }

  private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    OutputStream stream = out;
    stream.write(bytes);
    out.closeEntry();
  }
}
