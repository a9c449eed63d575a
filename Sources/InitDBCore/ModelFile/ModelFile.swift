import Foundation

/// A permission model kept in a JSON file, for projects other than kivoll.
///
/// The format is versioned by a top-level `"formatVersion"`; this initdb-gen reads and
/// writes version 1. Reading is strict: a syntax error, an unknown key, a missing or
/// mistyped value, and an invalid model are each reported with the file and, where the
/// text shows it, the line and column and the JSON path
/// (`$.databases[2].grants[0].profile`).
public enum ModelFile {
  /// The format version that this initdb-gen reads and writes.
  public static let formatVersion = 1

  /// Reads, checks and validates a model file.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - name: How messages name the file, usually the path as the user typed it.
  /// - Returns: The validated model.
  /// - Throws: `InitDBError.unreadableFile`, `.invalidModelFile` or `.invalidModel`.
  public static func read(_ url: URL, name: String) throws -> PermissionModel {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw InitDBError.unreadableFile(path: name, reason: "no such file, or not readable")
    }
    return try decode(data, file: name)
  }

  /// Decodes and validates a model from the bytes of a model file.
  ///
  /// - Parameters:
  ///   - data: The file's content.
  ///   - file: How messages name the file.
  /// - Returns: The validated model.
  /// - Throws: `InitDBError.invalidModelFile` or `.invalidModel`.
  public static func decode(_ data: Data, file: String) throws -> PermissionModel {
    let document = try parse(data, file: file)
    let model: PermissionModel
    do {
      try ModelKeys.check(document, file: file)
      model = try JSONDecoder().decode(PermissionModel.self, from: data)
    } catch let error as DecodingError {
      throw locate(ModelDecodingFailure.describe(error, file: file), in: data)
    } catch let error as InitDBError {
      throw locate(error, in: data)
    }

    do {
      try model.validate()
    } catch let error as InitDBError {
      throw InitDBError.invalidModel(file: file, error: error)
    }
    return model
  }

  /// Writes a model in the file format: two-space indent, keys in the documented
  /// order, each grant on one line, ending in a newline.
  ///
  /// - Parameter model: The model.
  /// - Returns: The JSON text.
  public static func encode(_ model: PermissionModel) -> String {
    ModelJSONWriter.write(model, formatVersion: formatVersion)
  }

  /// Adds the line and column of the error's JSON path, where the text has it.
  private static func locate(_ error: InitDBError, in data: Data) -> InitDBError {
    guard case .invalidModelFile(let file, let path, nil, nil, let reason) = error,
      let position = JSONPositions([UInt8](data))[path]
    else { return error }
    return .invalidModelFile(
      file: file,
      path: path,
      line: position.line,
      column: position.column,
      reason: reason
    )
  }

  /// Parses the JSON syntax, turning Foundation's character offset into a line.
  private static func parse(_ data: Data, file: String) throws -> Any {
    do {
      return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      let position = SyntaxPosition(data: data, detail: detail)
      throw InitDBError.invalidModelFile(
        file: file,
        path: "$",
        line: position.line,
        column: position.column,
        reason: "not valid JSON: \(position.reason)"
      )
    }
  }
}
