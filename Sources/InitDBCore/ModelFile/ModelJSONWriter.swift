/// Writes a model as a model file that reads well and diffs well.
///
/// Keys come in the documented order (Foundation's pretty printer orders them neither
/// as declared nor as a person would), optional keys are left out when empty, and each
/// grant and service fits on one line.
enum ModelJSONWriter {
  /// The whole file, ending in a newline.
  static func write(_ model: PermissionModel, formatVersion: Int) -> String {
    var fields = [
      "\"formatVersion\": \(formatVersion)",
      "\"name\": \(string(model.name))",
    ]
    if !model.services.isEmpty {
      fields.append("\"services\": " + list(model.services.map(service), indent: 1))
    }
    fields.append("\"roles\": " + list(model.roles.map(role), indent: 1))
    fields.append("\"databases\": " + list(model.databases.map(database), indent: 1))
    return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
  }

  private static func service(_ service: Service) -> String {
    "{ \"name\": \(string(service.name)), \"summary\": \(string(service.summary)) }"
  }

  private static func role(_ role: Role) -> String {
    var fields = ["\"name\": \(string(role.name))", "\"summary\": \(string(role.summary))"]
    if let variable = role.passwordVariable {
      fields.append("\"passwordVariable\": \(string(variable))")
    }
    if !role.memberOf.isEmpty {
      fields.append("\"memberOf\": [" + role.memberOf.map(string).joined(separator: ", ") + "]")
    }
    if let service = role.service {
      fields.append("\"service\": \(string(service))")
    }
    return object(fields, indent: 2)
  }

  private static func database(_ database: Database) -> String {
    var fields = [
      "\"name\": \(string(database.name))",
      "\"owner\": \(string(database.owner))",
      "\"summary\": \(string(database.summary))",
    ]
    if !database.grants.isEmpty {
      let grants = database.grants.map {
        "{ \"role\": \(string($0.role)), \"profile\": \(string($0.profile.rawValue)) }"
      }
      fields.append("\"grants\": " + list(grants, indent: 3))
    }
    return object(fields, indent: 2)
  }

  private static func object(_ fields: [String], indent: Int) -> String {
    let inner = String(repeating: "  ", count: indent + 1)
    let outer = String(repeating: "  ", count: indent)
    return "{\n" + fields.map { inner + $0 }.joined(separator: ",\n") + "\n\(outer)}"
  }

  private static func list(_ elements: [String], indent: Int) -> String {
    guard !elements.isEmpty else { return "[]" }
    let inner = String(repeating: "  ", count: indent + 1)
    let outer = String(repeating: "  ", count: indent)
    return "[\n" + elements.map { inner + $0 }.joined(separator: ",\n") + "\n\(outer)]"
  }

  /// A JSON string literal, escaping what JSON requires.
  private static func string(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
