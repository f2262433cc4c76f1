package io.petrel.cli;

import io.petrel.security.password.PasswordFile;
import io.petrel.security.password.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code petrel passwd}: creates and updates users in a password file, with {@code mosquitto_passwd}'s options,
 * so the file works with Mosquitto and Petrel alike. Passwords are hashed with PBKDF2-SHA512 ({@code $7$}).
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Add, update or delete a user in a password file (mosquitto_passwd format).")
final class PasswdCommand implements Callable<Integer> {
    @Option(names = "-c", description = "Create a new file, replacing an existing one.")
    boolean create;

    @Option(names = "-D", description = "Delete the user.")
    boolean delete;

    @Option(names = "-b", description = "Batch mode: take the password from the command line.")
    boolean batch;

    @Option(names = "--iterations", paramLabel = "N", description = "PBKDF2 iterations (default: ${DEFAULT-VALUE}).")
    int iterations = PasswordHash.DEFAULT_ITERATIONS;

    @Parameters(index = "0", paramLabel = "FILE", description = "The password file.")
    Path file;

    @Parameters(index = "1", paramLabel = "USER", description = "The user name.")
    String user;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PASSWORD", description = "The password, with -b.")
    @Nullable String password;

    @Override
    public Integer call() throws IOException {
        try {
            PasswordFile.requireValidUser(user);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        if (create && delete) {
            return fail("-c and -D cannot be combined");
        }
        if (iterations < 1) {
            return fail("--iterations must be at least 1");
        }
        if (!create && !Files.exists(file)) {
            return fail(file + " does not exist (use -c to create it)");
        }
        PasswordFile passwords = create ? PasswordFile.empty() : PasswordFile.read(file);
        passwords.problems().forEach(problem -> System.err.println("petrel passwd: " + file + ": " + problem));
        if (delete) {
            if (!passwords.remove(user)) {
                return fail("user " + user + " is not in " + file);
            }
        } else {
            String secret = batch ? password : prompt();
            if (secret == null || secret.isEmpty()) {
                return fail(batch ? "-b needs a password" : "no password given");
            }
            passwords.put(user, PasswordHash.create(secret, iterations));
        }
        passwords.write(file);
        return 0;
    }

    private @Nullable String prompt() throws IOException {
        Console console = System.console();
        if (console == null) {
            // Piped input: one line, the password.
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return in.readLine();
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Reenter password: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            System.err.println("petrel passwd: passwords do not match");
            return null;
        }
        return new String(first);
    }

    private static int fail(String message) {
        System.err.println("petrel passwd: " + message);
        return 1;
    }
}
