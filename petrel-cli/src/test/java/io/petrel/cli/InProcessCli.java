package io.petrel.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * Runs the {@code petrel} command line in-process, as a user would type it, and captures what it prints
 * through picocli's writers. Unlike {@link Cli}, which swaps {@code System.out} and so runs one command at a
 * time, commands may run concurrently: a test starts {@code sub} and then runs {@code pub} while it waits.
 */
public final class InProcessCli {
    private InProcessCli() {
    }

    /** What a command printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(String... args) {
        return runWithInput("", args);
    }

    public static Result runWithInput(String stdin, String... args) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new PetrelCommand(in));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Starts a command that runs until it has what it waits for, such as {@code sub -C 1}. */
    public static CompletableFuture<Result> start(String... args) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("petrel-cli-test").start(() -> result.complete(run(args)));
        return result;
    }
}
