/// The options of `initdb-gen hash-password`.
struct HashPasswordOptions: Equatable {
  /// The fewest PBKDF2 iterations accepted: PostgreSQL's default, and the least that
  /// RFC 7677 lets a SCRAM-SHA-256 verifier use.
  static let minimumIterations = 4096

  /// The most PBKDF2 iterations accepted: PostgreSQL reads the count as a C `int`.
  static let maximumIterations = Int(Int32.max)

  /// How many PBKDF2 iterations the verifier asks of every login.
  var iterations = minimumIterations
}
