package dev.funnelstream.cli;

/** How a command prints its result. */
enum OutputFormat {
    table, csv, json
}
