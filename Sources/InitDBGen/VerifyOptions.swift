/// The options of `initdb-gen verify`.
struct VerifyOptions: Equatable {
  /// The folder with the PostgreSQL programs; `nil` means the `postgres` on PATH.
  var postgresBin: String?

  /// The init folder to verify; `nil` means `local/initdb` of the repository.
  var initFolder: String?

  /// Files of `KEY=VALUE` lines for the first start; none means random passwords.
  var environmentFiles: [String] = []

  /// Leave the server running and its data in place, and say how to connect.
  var keep = false
}
