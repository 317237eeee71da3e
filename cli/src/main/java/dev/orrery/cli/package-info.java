/**
 * The {@code orrery} command line: {@link dev.orrery.cli.Main} and its subcommands {@code nameserver},
 * {@code demo}, {@code ls}, {@code watch}, {@code call}, {@code describe} and {@code bench}.
 */
package dev.orrery.cli;
