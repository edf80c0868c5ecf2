// Imported as a package here and bundled into the CLI's first chunk, so every command, `--version` included, starts
// without resolving and reading commander's files one by one.
export { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
