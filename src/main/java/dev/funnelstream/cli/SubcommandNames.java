package dev.funnelstream.cli;

import picocli.CommandLine;

import java.util.stream.Collectors;

/** Messages that name a command's real subcommands, for a name that is wrong or missing. */
final class SubcommandNames {
    private SubcommandNames() {
    }

    /** E.g. {@code unknown report 'bogus'; reports: revenue-by-category, top-brands, ...}. */
    static String unknown(CommandLine parent, String name) {
        String kind = kind(parent);
        return "unknown " + kind + " '" + name + "'; " + kind + "s: " + list(parent);
    }

    /** E.g. {@code name a report; reports: revenue-by-category, top-brands, ...}. */
    static String missing(CommandLine parent) {
        String kind = kind(parent);
        return "name a " + kind + "; " + kind + "s: " + list(parent);
    }

    /** E.g. {@code name a report before its options; reports: revenue-by-category, ...}. */
    static String missingBeforeOptions(CommandLine parent) {
        String kind = kind(parent);
        return "name a " + kind + " before its options; " + kind + "s: " + list(parent);
    }

    /** The subcommands in declaration order, each once (aliases map to the same command). */
    static String list(CommandLine parent) {
        return parent.getSubcommands().values().stream()
                .filter(sub -> !sub.getCommandSpec().usageMessage().hidden())
                .map(CommandLine::getCommandName)
                .distinct()
                .collect(Collectors.joining(", "));
    }

    // The report command's subcommands are what users call reports (README, help); elsewhere, commands.
    private static String kind(CommandLine parent) {
        return parent.getCommand() instanceof ReportCommand ? "report" : "command";
    }
}
