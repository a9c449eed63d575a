/// A program that connects to the cluster, with the env file that configures it.
///
/// Each service gets an `.env.<name>.example` file listing the password variables of
/// the login roles it uses and the connection settings every service reads. The `db`
/// container reads every service's env file, so that init finds each password.
public struct Service: Equatable, Sendable {
  /// The service's name: lowercase letters, digits and underscores; `admin` is taken
  /// by the env file of the image's own administrator.
  public var name: String

  /// What the service is, in a few words; its env file's comment quotes it.
  public var summary: String

  /// Makes a service.
  public init(name: String, summary: String) {
    self.name = name
    self.summary = summary
  }

  /// The example env file's name, for example `.env.worker.example`.
  public var exampleEnvFile: String {
    ".env.\(name).example"
  }

  /// The env file that a person copies from the example, for example `.env.worker`.
  public var envFile: String {
    ".env.\(name)"
  }
}
