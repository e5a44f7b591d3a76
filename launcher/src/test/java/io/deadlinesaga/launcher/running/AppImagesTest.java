package io.deadlinesaga.launcher.running;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import io.deadlinesaga.launcher.Part;
import io.deadlinesaga.launcher.SagaException;
import io.deadlinesaga.launcher.Setup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service's build unpacked and trained for real (a real JVM writes a real class-data archive), with a small jar
 * that answers as a Spring Boot jar does ({@link FakeServiceJar}).
 */
class AppImagesTest {

    private static final String QUICK = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @TempDir
    Path root;

    private final List<String> said = new ArrayList<>();

    private AppImages images(String javaOpts, String classData) throws IOException {
        Path built = root.resolve("point/target/point-exec.jar");
        if (!Files.exists(built)) {
            writeFakeJar(built);
        }
        return new AppImages(Setup.of(root, root, Map.of("SAGA_DATA_DIR", root.resolve("data").toString(),
                "SAGA_JAVA_OPTS", javaOpts, "SAGA_CLASS_DATA", classData), "java"));
    }

    @Test
    void unpacksTheBuildAndWritesItsArchiveOnceInAFolderNamedAfterTheBuild() throws IOException {
        // given
        AppImages images = images(QUICK, "on");

        // when
        images.prepare(List.of(Part.POINT), said::add);
        images.prepare(List.of(Part.POINT), said::add);

        // then
        assertThat(images.folder(Part.POINT)).hasParent(root.resolve("point/target/app"));
        assertThat(images.jar(Part.POINT)).isRegularFile().hasFileName("point-exec.jar");
        assertThat(images.archive(Part.POINT)).hasValueSatisfying(archive -> assertThat(archive)
                .isRegularFile().hasFileName("classes.jsa").isNotEmptyFile());
        assertThat(said).hasSize(2).first().asString()
                .isEqualTo("Unpacking point and writing the class-data archive of each (once per build)");
        assertThat(images.folder(Part.POINT).resolve("training")).doesNotExist();
    }

    @Test
    void aNewBuildGetsAFolderOfItsOwnAndTheOldOneNoProcessRunsFromIsDeleted() throws IOException {
        // given
        AppImages images = images(QUICK, "on");
        images.prepare(List.of(Part.POINT), said::add);
        Path before = images.folder(Part.POINT);

        // when: a build leaves a new jar
        Path built = root.resolve("point/target/point-exec.jar");
        Files.setLastModifiedTime(built, FileTime.fromMillis(Files.getLastModifiedTime(built).toMillis() + 60_000));
        images.prepare(List.of(Part.POINT), said::add);

        // then
        assertThat(images.folder(Part.POINT)).isNotEqualTo(before);
        assertThat(images.archive(Part.POINT)).isPresent();
        assertThat(before).doesNotExist();
    }

    @Test
    void startsFromTheFolderItMadeEvenWhenABuildEndsMeanwhile() throws IOException {
        // given
        AppImages images = images(QUICK, "on");
        images.prepare(List.of(Part.POINT), said::add);
        Path made = images.folder(Part.POINT);

        // when
        Path built = root.resolve("point/target/point-exec.jar");
        Files.setLastModifiedTime(built, FileTime.fromMillis(Files.getLastModifiedTime(built).toMillis() + 60_000));

        // then
        assertThat(images.jar(Part.POINT)).startsWith(made).isRegularFile();
        assertThat(images.archive(Part.POINT)).hasValueSatisfying(archive -> assertThat(archive).startsWith(made));
    }

    @Test
    void aTrainingThatFailsLeavesNoArchiveAndSaysSoOnce() throws IOException {
        // given
        AppImages images = images(QUICK + " -Dfake.fails=true", "on");

        // when
        images.prepare(List.of(Part.POINT), said::add);
        images.prepare(List.of(Part.POINT), said::add);

        // then
        assertThat(images.archive(Part.POINT)).isEmpty();
        assertThat(images.jar(Part.POINT)).isRegularFile();
        assertThat(said).hasSize(2).last().asString().endsWith("; no archive for point (see point/target/app/"
                + images.folder(Part.POINT).getFileName() + "/training.log)");
        assertThat(images.folder(Part.POINT).resolve("trained")).content().startsWith("no archive (exit 3)");
    }

    @Test
    void offUnpacksWithoutTraining() throws IOException {
        // given
        AppImages images = images(QUICK, "off");

        // when
        images.prepare(List.of(Part.POINT), said::add);

        // then
        assertThat(images.jar(Part.POINT)).isRegularFile();
        assertThat(images.archive(Part.POINT)).isEmpty();
        try (Stream<Path> files = Files.list(images.folder(Part.POINT))) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("classes.jsa", "trained");
        }
        assertThat(said).containsExactly("Unpacking point (once per build)");
    }

    @Test
    void aServiceNotBuiltIsAnErrorThatSaysHowToBuildIt() throws IOException {
        // given
        AppImages images = images(QUICK, "on");

        // when / then
        assertThatThrownBy(() -> images.prepare(List.of(Part.ORDER), said::add)).isInstanceOf(SagaException.class)
                .hasMessage("order/target/order-exec.jar is missing; run ./saga up --build");
    }

    private static void writeFakeJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeServiceJar.class.getName());
        String entry = FakeServiceJar.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
                InputStream classFile = FakeServiceJar.class.getClassLoader().getResourceAsStream(entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            classFile.transferTo(jarOut);
            jarOut.closeEntry();
        }
    }
}
