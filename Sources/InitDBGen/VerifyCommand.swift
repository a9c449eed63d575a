import Dispatch
import Foundation
import InitDBCore
import InitDBVerify
import Synchronization

/// Proves the init folder on a throwaway PostgreSQL server and prints the access matrix.
struct VerifyCommand {
  let options: VerifyOptions

  /// Runs the verification, removing the server afterwards unless `--keep` was given.
  ///
  /// - Returns: `.success` when every check passed, `.failure` otherwise.
  func run() -> ExitStatus {
    let verifier: Verifier
    do {
      verifier = try makeVerifier()
    } catch {
      Console.error("error: \(error)")
      return .failure
    }
    let interrupts = handleInterrupts(verifier)
    defer { interrupts.forEach { $0.cancel() } }

    do {
      let report = try verifier.run()
      Console.output(report.text)
      finish(verifier)
      return report.passed ? .success : .failure
    } catch {
      // An interrupt stops the server under the running step, which then fails: the
      // signal handler reports and exits, so say nothing more.
      if Self.interrupted.withLock({ $0 }) {
        finish(verifier)
        while true { pause() }
      }
      Console.error("error: \(error)")
      finish(verifier)
      return .failure
    }
  }

  /// Whether SIGINT or SIGTERM arrived.
  private static let interrupted = Mutex(false)

  private func makeVerifier() throws -> Verifier {
    let model = PermissionModel.kivoll
    let binaries = try PostgresBinaries.locate(
      in: options.postgresBin.map { URL(fileURLWithPath: $0) }
    )

    return Verifier(
      model: model,
      binaries: binaries,
      initFolder: try initFolder(),
      environment: try VerifyPasswords.environment(model: model, files: options.environmentFiles),
      progress: { Console.error("initdb-gen verify: \($0)") }
    )
  }

  private func initFolder() throws -> URL {
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    if let folder = options.initFolder {
      return URL(fileURLWithPath: folder, relativeTo: workingDirectory).standardizedFileURL
    }
    guard let repository = Repository.enclosing(workingDirectory) else {
      throw CommandError.notInRepository
    }
    return repository.initFolder
  }

  /// Removes the server, or keeps it and says how to reach it.
  private func finish(_ verifier: Verifier) {
    guard options.keep, let cluster = verifier.cluster else {
      verifier.removeCluster()
      return
    }
    Console.error(KeptCluster.instructions(cluster, environment: verifier.environment))
  }

  /// Makes SIGINT and SIGTERM remove the server (or keep it with `--keep`) and exit.
  private func handleInterrupts(_ verifier: Verifier) -> [DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        Self.interrupted.withLock { $0 = true }
        Console.error("initdb-gen verify: interrupted")
        finish(verifier)
        exit(128 + number)
      }
      source.resume()
      return source
    }
  }
}
