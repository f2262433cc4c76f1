package io.petrel.it.listener;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code petrel} run as a real process, as an operator runs it, with its output collected. */
final class PetrelProcess implements AutoCloseable {
    private static final Pattern LISTENER = Pattern.compile("MQTT listener '([^']+)': \\S+ on /[^:]+:(\\d+)");

    private final Process process;
    private final Path log;

    private PetrelProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code petrel ARGS} in a working directory, with extra environment variables. */
    static PetrelProcess start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                // The test classpath has a test logging config; the process logs as the real command does.
                "-Dlogback.configurationFile=logback.xml", "--enable-native-access=ALL-UNNAMED",
                "io.petrel.cli.PetrelCommand"));
        command.addAll(List.of(args));
        // A file rather than a pipe: the JDK may close a pipe under a reader when the process exits.
        Path log = Files.createTempFile(workDir, "petrel", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PETREL_"));
        builder.environment().putAll(env);
        return new PetrelProcess(builder.start(), log);
    }

    /** Waits for the process to end and returns its exit status. */
    int exitStatus(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("petrel did not exit within " + within + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** The port the named listener bound, once the log says so. */
    int port(String listener) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            Matcher m = LISTENER.matcher(output());
            while (m.find()) {
                if (m.group(1).equals(listener)) {
                    return Integer.parseInt(m.group(2));
                }
            }
            return null;
        }, Objects::nonNull);
    }

    /** Waits until the output contains a text. */
    void awaitOutput(String text) {
        await().atMost(Duration.ofSeconds(60)).until(() -> output().contains(text));
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as a service manager does. */
    void terminate() {
        process.destroy();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
