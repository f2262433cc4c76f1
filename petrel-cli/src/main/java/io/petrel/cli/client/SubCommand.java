package io.petrel.cli.client;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code petrel sub}: subscribes and prints what arrives, like mosquitto_sub. */
@Command(name = "sub", sortOptions = false,
        description = {"Subscribe and print messages, like mosquitto_sub.", "",
            "Exit codes: 0 done (-C reached or stopped), 1 connection lost, 2 usage, 3 broker unreachable,",
            "4 connection refused, 5 subscription refused, 27 -W timeout."})
public final class SubCommand implements Callable<Integer> {
    @Option(names = "--help", usageHelp = true, description = "Show this help and exit (-h is the host).")
    boolean help;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic filter; repeatable.")
    List<String> topics = new ArrayList<>();

    @Option(names = {"-q", "--qos"}, defaultValue = "0",
            description = "QoS to subscribe with (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = {"-C", "--count"}, description = "Exit after this many messages.")
    int count;

    @Option(names = {"-W", "--timeout"}, paramLabel = "SECONDS",
            description = "Exit with code 27 after this many seconds "
            + "(unless -C messages arrived first).")
    int timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Print the topic before each payload.")
    boolean verbose;

    @Option(names = {"-F", "--format"},
            description = "Format each message: %%t topic, %%p payload, %%q QoS, %%r retain, "
            + "%%l length, %%x hex payload, %%j JSON, %%I ISO time, %%U unix time, %%C content type, "
            + "%%D correlation data, %%E expiry, %%R response topic, %%P user properties, \\n newline.")
    @Nullable String format;

    @Option(names = {"-j", "--json"}, description = "Print each message as one JSON object per line.")
    boolean json;

    @Option(names = {"-N", "--no-newline"}, description = "Do not end each message with a newline.")
    boolean noNewline;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    @Nullable CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            connection.validate();
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("-q must be 0, 1 or 2");
            }
            if (count < 0 || timeoutSeconds < 0) {
                throw new IllegalArgumentException("-C and -W cannot be negative");
            }
        } catch (IllegalArgumentException e) {
            err.println("petrel sub: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        MessageFormatter formatter = new MessageFormatter(format, verbose, json);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        AtomicInteger received = new AtomicInteger();
        CliClient client;
        try {
            client = CliClients.connect(connection, message -> {
                int n = received.incrementAndGet();
                if (count > 0 && n > count) {
                    return;
                }
                synchronized (out) {
                    out.print(formatter.format(message));
                    if (!noNewline) {
                        out.println();
                    }
                    out.flush();
                }
                if (count > 0 && n == count) {
                    done.complete(ExitCodes.OK);
                }
            }, reason -> {
                err.println("petrel sub: " + reason);
                done.complete(ExitCodes.ERROR);
            });
        } catch (ClientFailure e) {
            err.println("petrel sub: " + e.getMessage());
            return e.exitCode();
        }
        Thread closeOnExit = new Thread(client::close, "petrel-sub-close");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            client.subscribe(topics, qos).join();
            return timeoutSeconds > 0 ? done.get(timeoutSeconds, TimeUnit.SECONDS) : done.get();
        } catch (CompletionException e) {
            ClientFailure failure = Failures.unwrap(e) instanceof ClientFailure f ? f
                    : Failures.rejected(e, "subscription");
            err.println("petrel sub: " + failure.getMessage());
            return failure.exitCode();
        } catch (TimeoutException e) {
            return ExitCodes.TIMEOUT;
        } catch (ExecutionException e) {
            return ExitCodes.ERROR;
        } finally {
            client.close();
            removeHook(closeOnExit);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and runs the hook itself.
        }
    }
}
