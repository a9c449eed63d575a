// How the model reads from JSON. Optional keys may be left out (`memberOf`, `grants`,
// `services`, `passwordVariable`, `service`); ModelFile rejects keys it does not know
// before decoding, so a misspelt optional key is an error rather than a silent default.

extension PermissionModel: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case formatVersion, name, services, roles, databases
  }

  /// Reads a model from its JSON form; ModelFile checks `formatVersion` first.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try container.decode(String.self, forKey: .name),
      services: try container.decodeIfPresent([Service].self, forKey: .services) ?? [],
      roles: try container.decode([Role].self, forKey: .roles),
      databases: try container.decode([Database].self, forKey: .databases)
    )
  }
}

extension Role: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, summary, passwordVariable, memberOf, service
  }

  /// Reads a role from its JSON form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try container.decode(String.self, forKey: .name),
      summary: try container.decode(String.self, forKey: .summary),
      passwordVariable: try container.decodeIfPresent(String.self, forKey: .passwordVariable),
      memberOf: try container.decodeIfPresent([String].self, forKey: .memberOf) ?? [],
      service: try container.decodeIfPresent(String.self, forKey: .service)
    )
  }
}

extension Database: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, owner, summary, grants
  }

  /// Reads a database from its JSON form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try container.decode(String.self, forKey: .name),
      owner: try container.decode(String.self, forKey: .owner),
      summary: try container.decode(String.self, forKey: .summary),
      grants: try container.decodeIfPresent([DatabaseGrant].self, forKey: .grants) ?? []
    )
  }
}

extension DatabaseGrant: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case role, profile
  }

  /// Reads a grant from its JSON form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      try container.decode(String.self, forKey: .role),
      try container.decode(AccessProfile.self, forKey: .profile)
    )
  }
}

extension Service: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, summary
  }

  /// Reads a service from its JSON form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      name: try container.decode(String.self, forKey: .name),
      summary: try container.decode(String.self, forKey: .summary)
    )
  }
}
