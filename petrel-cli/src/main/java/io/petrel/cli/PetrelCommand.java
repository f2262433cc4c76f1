package io.petrel.cli;

import io.petrel.server.PetrelVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code petrel} command and its subcommands. */
@Command(name = "petrel", mixinStandardHelpOptions = true, versionProvider = PetrelCommand.Version.class,
        description = "Petrel: an MQTT broker and IoT device platform in one server.",
        subcommands = {ServeCommand.class, ConfigCommand.class, PasswdCommand.class, TokenCommand.class})
public final class PetrelCommand {

    public static void main(String[] args) {
        int exit = new CommandLine(new PetrelCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Prints the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"petrel " + PetrelVersion.get()};
        }
    }
}
