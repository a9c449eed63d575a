/// The number prefixes that put generated files in the order the image must run them.
///
/// The image runs `/docker-entrypoint-initdb.d/*` in glob order, which follows the
/// locale on Debian and byte order on Alpine. Digits of one fixed width sort the same
/// in both, so every prefix has the same number of digits: roles first, then the files
/// that create the databases side by side and the one that waits for them, then one
/// file per database in name order, then the checks that close the init.
struct FileNumbering {
  /// The number of digits in every prefix: three, or more for very large models so
  /// that database files never reach the range of the closing files.
  let width: Int

  init(databaseCount: Int) {
    self.width = max(3, String(databaseCount).count + 1)
  }

  /// The prefix of the roles file, for example `010`.
  var roles: String { padded(10) }

  /// The prefix of the file that starts creating databases in session `index`, for
  /// example `020`; there are at most ``Renderer/maximumCreatingSessions`` of them.
  func creating(at index: Int) -> String {
    padded(20 + index)
  }

  /// The prefix of the file that waits for every creating session, `090`.
  var created: String { padded(90) }

  /// The prefix of the database at `index` in name order, for example `100`.
  func database(at index: Int) -> String {
    padded(pow10(width - 1) + index)
  }

  /// The prefix of the closing file at `index`, for example `900`.
  func closing(at index: Int) -> String {
    padded(9 * pow10(width - 1) + 10 * index)
  }

  private func padded(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: width - digits.count) + digits
  }

  private func pow10(_ exponent: Int) -> Int {
    (0..<exponent).reduce(1) { value, _ in value * 10 }
  }
}
