package io.petrel.cli.client;

import io.petrel.cli.PetrelCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code petrel pub}: publishes one message, a file, or stdin line by line, like mosquitto_pub. */
@Command(name = "pub", sortOptions = false,
        description = {"Publish a message, like mosquitto_pub.", "",
            "Exit codes: 0 sent, 1 error, 2 usage, 3 broker unreachable, 4 connection refused, 5 message refused."})
public final class PubCommand implements Callable<Integer> {
    /** How many unacknowledged messages {@code -l} lets pile up before it waits. */
    private static final int MAX_OUTSTANDING = 1000;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit (-h is the host).")
    boolean help;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic to publish to.")
    String topic = "";

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Message (one of):%n")
    Source source = new Source();

    @Option(names = {"-q", "--qos"}, defaultValue = "0", description = "QoS: 0, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = {"-r", "--retain"}, description = "Ask the broker to retain the message.")
    boolean retain;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    MessageOptions messageOptions = new MessageOptions();

    @ParentCommand
    @Nullable PetrelCommand parent;

    @Spec
    @Nullable CommandSpec spec;

    /** Where the payload comes from. */
    static final class Source {
        @Option(names = {"-m", "--message"}, description = "The payload.")
        @Nullable String message;

        @Option(names = {"-f", "--file"}, description = "Send a file's contents as one message.")
        @Nullable Path file;

        @Option(names = {"-l", "--stdin-line"},
                description = "Send each line of stdin as a message; blank lines are skipped.")
        boolean lines;

        @Option(names = {"-s", "--stdin-file"}, description = "Send all of stdin as one message.")
        boolean stdinFile;

        @Option(names = {"-n", "--null-message"}, description = "Send an empty message (clears a retained one).")
        boolean empty;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        MessageOptions.Properties properties;
        try {
            connection.validate();
            properties = messageOptions.properties();
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("-q must be 0, 1 or 2");
            }
            if (!properties.isEmpty() && !connection.v5()) {
                throw new IllegalArgumentException("MQTT 5 properties need -V 5");
            }
        } catch (IllegalArgumentException e) {
            err.println("petrel pub: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (CliClient client = CliClients.connect(connection, message -> { },
                reason -> err.println("petrel pub: " + reason))) {
            return source.lines ? publishLines(client, properties, err) : publishOne(client, properties, err);
        } catch (ClientFailure e) {
            err.println("petrel pub: " + e.getMessage());
            return e.exitCode();
        } catch (IOException e) {
            err.println("petrel pub: cannot read the message: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private int publishOne(CliClient client, MessageOptions.Properties properties, PrintWriter err)
            throws IOException {
        byte[] payload;
        if (source.message != null) {
            payload = source.message.getBytes(StandardCharsets.UTF_8);
        } else if (source.file != null) {
            payload = Files.readAllBytes(source.file);
        } else if (source.stdinFile) {
            payload = parent.stdin().readAllBytes();
        } else {
            payload = new byte[0];
        }
        return outcome(List.of(client.publish(new OutgoingMessage(topic, payload, qos, retain, properties))), err);
    }

    private int publishLines(CliClient client, MessageOptions.Properties properties, PrintWriter err)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8));
        List<CompletableFuture<Void>> outstanding = new ArrayList<>();
        int worst = ExitCodes.OK;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            outstanding.add(client.publish(new OutgoingMessage(topic, line.getBytes(StandardCharsets.UTF_8), qos,
                    retain, properties)));
            if (outstanding.size() >= MAX_OUTSTANDING) {
                worst = Math.max(worst, outcome(outstanding, err));
                outstanding.clear();
            }
        }
        return Math.max(worst, outcome(outstanding, err));
    }

    /** Waits for the messages and reports each refusal; the exit code is the worst outcome. */
    private static int outcome(List<CompletableFuture<Void>> sent, PrintWriter err) {
        AtomicInteger worst = new AtomicInteger(ExitCodes.OK);
        for (CompletableFuture<Void> future : sent) {
            try {
                future.join();
            } catch (CompletionException e) {
                Throwable cause = Failures.unwrap(e);
                if (cause instanceof ClientFailure failure) {
                    err.println("petrel pub: " + failure.getMessage());
                    worst.accumulateAndGet(failure.exitCode(), Math::max);
                } else {
                    err.println("petrel pub: " + Failures.lost(cause));
                    worst.accumulateAndGet(ExitCodes.ERROR, Math::max);
                }
            }
        }
        return worst.get();
    }
}
