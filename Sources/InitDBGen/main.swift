import Foundation

// The entry point: parse the arguments, run the command, exit with its status.
let status = CommandRunner.run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
