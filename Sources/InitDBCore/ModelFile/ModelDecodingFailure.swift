/// Turns JSONDecoder's errors into messages that name the JSON path and what is wrong.
enum ModelDecodingFailure {
  /// Describes a decoding error of a model file.
  ///
  /// - Returns: `InitDBError.invalidModelFile`.
  static func describe(_ error: DecodingError, file: String) -> InitDBError {
    switch error {
    case .keyNotFound(let key, let context):
      return failure(file, context.codingPath, "missing key '\(key.stringValue)'")
    case .typeMismatch(let type, let context):
      return failure(file, context.codingPath, "expected \(describe(type))")
    case .valueNotFound(let type, let context):
      return failure(file, context.codingPath, "expected \(describe(type)), found null")
    case .dataCorrupted(let context):
      return failure(file, context.codingPath, corruption(context))
    @unknown default:
      return failure(file, [], "\(error)")
    }
  }

  /// A JSON path such as `$.databases[2].grants[0].profile`.
  static func path(_ codingPath: [any CodingKey]) -> String {
    codingPath.reduce("$") { path, key in
      key.intValue.map { "\(path)[\($0)]" } ?? "\(path).\(key.stringValue)"
    }
  }

  private static func failure(_ file: String, _ codingPath: [any CodingKey], _ reason: String)
    -> InitDBError
  {
    .invalidModelFile(file: file, path: path(codingPath), line: nil, column: nil, reason: reason)
  }

  private static func corruption(_ context: DecodingError.Context) -> String {
    if context.codingPath.last?.stringValue == "profile" {
      let profiles = AccessProfile.allCases.map(\.rawValue).joined(separator: ", ")
      return "not an access profile; use one of \(profiles)"
    }
    return context.debugDescription.prefix(1).lowercased()
      + context.debugDescription.dropFirst()
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type: "a whole number"
    case is [Any].Type: "a list"
    case is [String: Any].Type: "an object"
    default: "\(type)"
    }
  }
}
