package io.petrel.cli;

import io.petrel.cli.bench.BenchCommand;
import io.petrel.cli.client.PubCommand;
import io.petrel.cli.client.SubCommand;
import io.petrel.server.PetrelVersion;
import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code petrel} command and its subcommands. */
@Command(name = "petrel", mixinStandardHelpOptions = true, versionProvider = PetrelCommand.Version.class,
        description = "Petrel: an MQTT broker and IoT device platform in one server.",
        subcommands = {ServeCommand.class, ConfigCommand.class, PasswdCommand.class, TokenCommand.class,
            PubCommand.class, SubCommand.class, BenchCommand.class, StoreCommand.class})
public final class PetrelCommand {
    private final InputStream stdin;

    public PetrelCommand() {
        this(System.in);
    }

    /** A command line that reads the given stream where it would read standard input. */
    public PetrelCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new PetrelCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Standard input, or what a test gives in its place. */
    public InputStream stdin() {
        return stdin;
    }

    /** Prints the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"petrel " + PetrelVersion.get()};
        }
    }
}
