import Foundation
import InitDBCore

// initdb-gen-bench: renders a permission model in memory, repeatedly, and prints one
// line per rendering for scripts/benchmark.sh:
//
//   render MODEL DATABASES ROLES SECONDS BYTES FILES
//
// usage: initdb-gen-bench kivoll [REPEAT]
//        initdb-gen-bench synthetic SERVICES [REPEAT]
//
// The time covers validation and rendering, not loading the templates (once per
// process) nor writing files. Exits 64 on wrong arguments, 1 when rendering fails.

let usage = """
  usage: initdb-gen-bench kivoll [REPEAT]
         initdb-gen-bench synthetic SERVICES [REPEAT]
  """

/// The model and repetitions the arguments ask for, or `nil` when they are wrong.
func parse(_ arguments: [String]) -> (model: PermissionModel, repeats: Int)? {
  switch arguments.first {
  case "kivoll" where arguments.count <= 2:
    guard let repeats = Int(arguments.count == 2 ? arguments[1] : "1"), repeats > 0 else {
      return nil
    }
    return (PermissionModel.kivoll, repeats)
  case "synthetic" where (2...3).contains(arguments.count):
    guard let services = Int(arguments[1]), services > 0,
      let repeats = Int(arguments.count == 3 ? arguments[2] : "1"), repeats > 0
    else { return nil }
    return (SyntheticModel.make(services: services), repeats)
  default:
    return nil
  }
}

guard let (model, repeats) = parse(Array(CommandLine.arguments.dropFirst())) else {
  FileHandle.standardError.write(Data((usage + "\n").utf8))
  exit(64)
}

do {
  let renderer = Renderer(library: try TemplateLibrary.bundled(), source: .builtIn(model))
  let clock = ContinuousClock()

  for _ in 0..<repeats {
    var files: [RenderedFile] = []
    let duration = try clock.measure { files = try renderer.render(model) }
    let seconds =
      Double(duration.components.attoseconds) / 1e18
      + Double(duration.components.seconds)
    let bytes = files.reduce(0) { $0 + $1.content.utf8.count }
    print(
      "render \(model.name) \(model.databases.count) \(model.roles.count) "
        + String(format: "%.6f", seconds) + " \(bytes) \(files.count)"
    )
  }
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(1)
}
