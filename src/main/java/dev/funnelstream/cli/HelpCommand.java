package dev.funnelstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/** {@code help [COMMAND [SUBCOMMAND]]}: a command's help, down to a report's ({@code help report funnel}). */
// Picocli's own help command takes one name only: 'help report funnel' showed the report command's help.
@Command(name = "help", helpCommand = true,
        description = "Show the help of a command or a report, e.g. 'help run' or 'help report funnel'.")
final class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and report) to show the help of.")
    List<String> names = new ArrayList<>();

    @Override
    public void run() {
        CommandLine target = spec.commandLine().getParent();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new UserException(SubcommandNames.unknown(target, name));
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut(), target.getColorScheme());
    }
}
