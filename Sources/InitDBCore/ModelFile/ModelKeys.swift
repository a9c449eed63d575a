/// Checks a parsed model file's version and keys before it is decoded.
///
/// JSONDecoder ignores keys it does not know, so a misspelt optional key (`memberof`)
/// would silently take its default; here it is an error naming its JSON path.
enum ModelKeys {
  /// The keys each kind of object may have, and the kinds of the objects in its lists.
  private struct Shape {
    let keys: [String]
    let lists: [String: Shape]
  }

  private static let grant = Shape(
    keys: DatabaseGrant.CodingKeys.allCases.map(\.stringValue),
    lists: [:]
  )
  private static let model = Shape(
    keys: PermissionModel.CodingKeys.allCases.map(\.stringValue),
    lists: [
      "services": Shape(keys: Service.CodingKeys.allCases.map(\.stringValue), lists: [:]),
      "roles": Shape(keys: Role.CodingKeys.allCases.map(\.stringValue), lists: [:]),
      "databases": Shape(
        keys: Database.CodingKeys.allCases.map(\.stringValue),
        lists: ["grants": grant]
      ),
    ]
  )

  /// Checks the version, then every key.
  ///
  /// - Throws: `InitDBError.invalidModelFile` at the first problem found.
  static func check(_ document: Any, file: String) throws {
    guard let object = document as? [String: Any] else {
      throw problem(
        file,
        "$",
        "expected an object with \"formatVersion\", \"name\", "
          + "\"roles\" and \"databases\""
      )
    }
    try checkVersion(object["formatVersion"], file: file)
    try check(object, shape: model, path: "$", file: file)
  }

  private static func checkVersion(_ value: Any?, file: String) throws {
    guard let value else {
      throw problem(
        file,
        "$",
        "missing key 'formatVersion': add \"formatVersion\": "
          + "\(ModelFile.formatVersion)"
      )
    }
    // Foundation bridges true and 1.0 to Int as well; their text tells them apart.
    guard let number = value as? Int, "\(value)" == "\(number)" else {
      throw problem(file, "$.formatVersion", "expected a whole number")
    }
    guard number == ModelFile.formatVersion else {
      throw problem(
        file,
        "$.formatVersion",
        "format version \(number) is not supported; "
          + "this initdb-gen reads version \(ModelFile.formatVersion)"
      )
    }
  }

  private static func check(_ object: [String: Any], shape: Shape, path: String, file: String)
    throws
  {
    for key in object.keys.sorted() where !shape.keys.contains(key) {
      throw problem(
        file,
        "\(path).\(key)",
        "unknown key; expected one of "
          + shape.keys.joined(separator: ", ")
      )
    }
    for (key, inner) in shape.lists.sorted(by: { $0.key < $1.key }) {
      guard let list = object[key] as? [Any] else { continue }
      for (index, element) in list.enumerated() {
        guard let elementObject = element as? [String: Any] else { continue }
        try check(elementObject, shape: inner, path: "\(path).\(key)[\(index)]", file: file)
      }
    }
  }

  private static func problem(_ file: String, _ path: String, _ reason: String) -> InitDBError {
    .invalidModelFile(file: file, path: path, line: nil, column: nil, reason: reason)
  }
}
