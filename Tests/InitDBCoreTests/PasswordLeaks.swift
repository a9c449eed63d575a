import Foundation

/// Searches texts and files for passwords, in every form a leak could take.
///
/// A password may show up as it is (a shell trace, a file) or quoted as an SQL literal
/// (a logged `ALTER ROLE … PASSWORD '…'`, quotes and backslashes doubled). Other
/// printers escape and wrap it their own way: a parse tree that `debug_print_parse`
/// logs puts a backslash before each space and breaks its lines anywhere, even inside
/// a UTF-8 sequence, which then decodes to replacement characters. So texts are also
/// searched by skeleton: only the ASCII letters and digits, in order, which no escaping,
/// wrapping or decoding changes.
enum PasswordLeaks {
  /// A place to search: a name for the report, and its bytes.
  struct Place {
    let name: String
    let bytes: Data

    /// Whether to search it by skeleton too: for texts, not for binary files.
    let isText: Bool

    init(_ name: String, text: String) {
      self.name = name
      self.bytes = Data(text.utf8)
      self.isText = true
    }

    init(_ name: String, bytes: Data, isText: Bool) {
      self.name = name
      self.bytes = bytes
      self.isText = isText
    }
  }

  /// A skeleton shorter than this could match by chance, so it is not searched.
  static let shortestSkeleton = 10

  /// The exact strings that betray a password: itself and its SQL literal forms.
  static func forms(of password: String) -> [String] {
    let literal = password.replacingOccurrences(of: "'", with: "''")
    let escaped = literal.replacingOccurrences(of: "\\", with: "\\\\")
    return Array(Set([password, literal, escaped])).sorted()
  }

  /// Only the ASCII letters and digits of a text, in order.
  static func skeleton(_ bytes: Data) -> Data {
    bytes.filter { byte in
      (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte)
        || (0x61...0x7a).contains(byte)
    }
  }

  /// Every password found in a place, as "VARIABLE in PLACE: how" lines.
  ///
  /// - Parameters:
  ///   - passwords: The passwords by variable name.
  ///   - places: Where to look.
  /// - Returns: One line per finding; empty when nothing leaked.
  static func findings(of passwords: [String: String], in places: [Place]) -> [String] {
    var found: [String] = []
    for place in places {
      let placeSkeleton = place.isText ? skeleton(place.bytes) : Data()

      for (variable, password) in passwords.sorted(by: { $0.key < $1.key }) {
        for form in forms(of: password) where place.bytes.range(of: Data(form.utf8)) != nil {
          found.append("\(variable) in \(place.name): '\(form.prefix(60))'")
        }
        let passwordSkeleton = skeleton(Data(password.utf8))
        if place.isText, passwordSkeleton.count >= shortestSkeleton,
          placeSkeleton.range(of: passwordSkeleton) != nil
        {
          found.append("\(variable) in \(place.name): its letters and digits, escaped")
        }
      }
    }
    return found
  }

  /// Every regular file under a folder, as places; unreadable files are skipped.
  static func files(under folder: URL, named prefix: String, areText: Bool) -> [Place] {
    let enumerator = FileManager.default.enumerator(
      at: folder,
      includingPropertiesForKeys: [.isRegularFileKey]
    )
    var places: [Place] = []
    while let url = enumerator?.nextObject() as? URL {
      let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile
      guard isFile == true, let bytes = FileManager.default.contents(atPath: url.path) else {
        continue
      }
      let name = url.path.replacingOccurrences(of: folder.path, with: prefix)
      places.append(Place(name, bytes: bytes, isText: areText))
    }
    return places
  }
}
