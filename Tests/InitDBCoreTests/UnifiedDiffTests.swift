import Foundation
import Testing

@testable import InitDBCore

@Suite struct UnifiedDiffTests {
  // MARK: - Examples

  @Test func equalTextsGiveNil() {
    #expect(UnifiedDiff.make(old: "", new: "", oldName: "a", newName: "b") == nil)
    #expect(UnifiedDiff.make(old: "x\ny\n", new: "x\ny\n", oldName: "a", newName: "b") == nil)
    #expect(UnifiedDiff.make(old: "x\ny", new: "x\ny", oldName: "a", newName: "b") == nil)
  }

  @Test func showsAOneLineChangeWithContext() {
    let diff = UnifiedDiff.make(
      old: "a\nb\nc\nd\ne\n",
      new: "a\nb\nX\nd\ne\n",
      oldName: "old.sql",
      newName: "new.sql"
    )

    #expect(
      diff == """
        --- old.sql
        +++ new.sql
        @@ -1,5 +1,5 @@
         a
         b
        -c
        +X
         d
         e

        """
    )
  }

  @Test func omitsTheCountWhenItIsOne() {
    let diff = UnifiedDiff.make(
      old: "a\nb\nc\nd\ne\n",
      new: "a\nb\nX\nd\ne\n",
      oldName: "o",
      newName: "n",
      context: 0
    )

    #expect(diff == "--- o\n+++ n\n@@ -3 +3 @@\n-c\n+X\n")
  }

  @Test func showsAnInsertionAtTheStart() {
    #expect(diff("a\nb\n", "new\na\nb\n") == "@@ -1,2 +1,3 @@\n+new\n a\n b\n")
    #expect(diff("a\nb\n", "new\na\nb\n", context: 0) == "@@ -0,0 +1 @@\n+new\n")
  }

  @Test func showsAnInsertionAtTheEnd() {
    #expect(diff("a\nb\n", "a\nb\nc\n") == "@@ -1,2 +1,3 @@\n a\n b\n+c\n")
    #expect(diff("a\nb\n", "a\nb\nc\n", context: 0) == "@@ -2,0 +3 @@\n+c\n")
  }

  @Test func showsTheDeletionOfEverything() {
    #expect(diff("a\nb\n", "") == "@@ -1,2 +0,0 @@\n-a\n-b\n")
  }

  @Test func showsAnEmptyOldText() {
    #expect(diff("", "a\nb\n") == "@@ -0,0 +1,2 @@\n+a\n+b\n")
  }

  @Test func marksAMissingFinalNewlineInOld() {
    #expect(
      diff("a\nb", "a\nb\n")
        == "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"
    )
  }

  @Test func marksAMissingFinalNewlineInNew() {
    #expect(
      diff("a\nb\n", "a\nb")
        == "@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n"
    )
  }

  @Test func marksAMissingFinalNewlineOnAContextLine() {
    #expect(
      diff("a\nb", "x\nb")
        == "@@ -1,2 +1,2 @@\n-a\n+x\n b\n\\ No newline at end of file\n"
    )
  }

  @Test func keepsTrailingWhitespaceAndCarriageReturns() {
    #expect(diff("a \r\nb\n", "a\r\nb\n") == "@@ -1,2 +1,2 @@\n-a \r\n+a\r\n b\n")
  }

  @Test func givesDistantChangesTheirOwnHunks() {
    let old = numberedLines(1...20)
    let new = old.replacingOccurrences(of: "l2\n", with: "X\n")
      .replacingOccurrences(of: "l18\n", with: "Y\n")

    #expect(
      diff(old, new) == """
        @@ -1,5 +1,5 @@
         l1
        -l2
        +X
         l3
         l4
         l5
        @@ -15,6 +15,6 @@
         l15
         l16
         l17
        -l18
        +Y
         l19
         l20

        """
    )
  }

  @Test func mergesHunksWhoseContextsTouch() {
    let old = numberedLines(1...20)
    // Six unchanged lines between the changes: three of context after one, three before
    // the other.
    let touching = old.replacingOccurrences(of: "l5\n", with: "X\n")
      .replacingOccurrences(of: "l12\n", with: "Y\n")
    // Seven: the contexts would leave one line out, so the hunks stay apart.
    let apart = old.replacingOccurrences(of: "l5\n", with: "X\n")
      .replacingOccurrences(of: "l13\n", with: "Y\n")

    #expect(hunkHeaders(diff(old, touching)) == ["@@ -2,14 +2,14 @@"])
    #expect(hunkHeaders(diff(old, apart)) == ["@@ -2,7 +2,7 @@", "@@ -10,7 +10,7 @@"])
  }

  @Test func comparesBytesNotCanonicallyEquivalentCharacters() {
    // "é" precomposed and decomposed are equal Swift strings but different files.
    #expect(diff("caf\u{E9}\n", "cafe\u{301}\n") == "@@ -1 +1 @@\n-caf\u{E9}\n+cafe\u{301}\n")
  }

  // MARK: - Agreement with GNU diff

  @Test func matchesGNUDiffOnRandomSmallTexts() throws {
    var random = SplitMix64(seed: 0x5EED_D1FF)
    let gnu = try GNUDiff()

    for _ in 0..<600 {
      let (old, new) = randomPair(&random, maxLines: 10, alphabet: Self.smallAlphabet)
      let context = random.next(below: 5)
      try expectSameAsGNU(old, new, context: context, gnu: gnu)
    }
  }

  @Test func matchesGNUDiffOnRandomLongerTexts() throws {
    var random = SplitMix64(seed: 0xB16_D1FF)
    let gnu = try GNUDiff()

    // Long enough for GNU diff's rules about lines that match many others, and few
    // distinct lines so that many edit scripts are equally short.
    for round in 0..<60 {
      let maxLines = round < 40 ? 120 : 700
      let alphabet = Array(Self.smallAlphabet.prefix(3 + random.next(below: 6)))
      let (old, new) = randomPair(&random, maxLines: maxLines, alphabet: alphabet)
      try expectSameAsGNU(old, new, context: random.next(below: 4), gnu: gnu)
    }
  }

  @Test func matchesGNUDiffOnCodeLikeTexts() throws {
    var random = SplitMix64(seed: 0xC0DE)
    let gnu = try GNUDiff()

    // Blank lines and braces match many lines; between them, lines unique to each side.
    // GNU diff's rules for setting such lines aside before its search decide these diffs.
    for _ in 0..<80 {
      let old = codeLikeLines(&random, tag: "old", count: 20 + random.next(below: 300))
      var new = old
      for _ in 0...random.next(below: 6) where !new.isEmpty {
        let start = random.next(below: new.count)
        let end = start + random.next(below: min(40, new.count - start) + 1)
        let replacement = codeLikeLines(&random, tag: "new", count: random.next(below: 40))
        new.replaceSubrange(start..<end, with: replacement)
      }
      try expectSameAsGNU(
        old.map { $0 + "\n" }.joined(),
        new.map { $0 + "\n" }.joined(),
        context: random.next(below: 4),
        gnu: gnu
      )
    }
  }

  /// Pairs where an earlier version differed from GNU diff: the common first lines it
  /// leaves out of the analysis must stop `context` lines before the first change.
  @Test(arguments: [
    ("f\ng\ni\ng\ng\na", "f\nu4\ng\nf\ng\na\n", 4),
    (
      "\n}\nb\n}\nd\nc\nd\n\nd\nc\n}\na\n}\nc\nc\n}\n}\nc\nb\na\n",
      "\n}\nb\n}\nd\n}\nc\nu20\n\na \na\nc\nb\n}\nc\nb\na", 4
    ),
  ])
  func matchesGNUDiffOnFormerMismatches(old: String, new: String, context: Int) throws {
    try expectSameAsGNU(old, new, context: context, gnu: try GNUDiff())
  }

  @Test func matchesGNUDiffWhenTheSearchSettlesForALongerScript() throws {
    var random = SplitMix64(seed: 0xE8E)
    // Few lines in common and none unique: past 4,096 steps, GNU diff (and this search)
    // stop looking for the shortest script and split at the furthest point reached.
    let lines = { (random: inout SplitMix64) in
      (0..<5_000).map { _ in "x\(random.next(below: 200))\n" }.joined()
    }
    let old = lines(&random)
    let new = lines(&random)

    try expectSameAsGNU(old, new, context: 3, gnu: try GNUDiff())
  }

  @Test func matchesGNUDiffOnLargeTextsWithFewChanges() throws {
    var random = SplitMix64(seed: 20_000)
    let old = numberedLines(1...20_000)
    var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // One change in each stretch of 2,000 lines, far enough apart for ten hunks.
    for stretch in 0..<10 {
      lines[stretch * 2_000 + random.next(below: 1_990)] = "changed \(stretch)"
    }
    let new = lines.joined(separator: "\n")

    try expectSameAsGNU(old, new, context: 3, gnu: try GNUDiff())
    let unified = try #require(UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b"))
    #expect(hunkHeaders(unified).count == 10)
    #expect(try Self.apply(unified, to: old) == new)
  }

  @Test func handlesTextsWithNothingInCommon() throws {
    let old = numberedLines(1...5_000)
    let new = old.replacingOccurrences(of: "l", with: "m")

    let unified = try #require(UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b"))

    #expect(hunkHeaders(unified) == ["@@ -1,5000 +1,5000 @@"])
    #expect(try Self.apply(unified, to: old) == new)
  }

  // MARK: - Applying the diff

  @Test func applyingTheDiffToOldGivesNew() throws {
    var random = SplitMix64(seed: 0xA991_1E5)

    for _ in 0..<1_000 {
      let (old, new) = randomPair(&random, maxLines: 30, alphabet: Self.smallAlphabet)
      let context = random.next(below: 5)
      guard
        let unified = UnifiedDiff.make(
          old: old,
          new: new,
          oldName: "old",
          newName: "new",
          context: context
        )
      else {
        #expect(old == new)
        continue
      }
      #expect(try Self.apply(unified, to: old) == new, "old: \(old.debugDescription)")
    }
  }
}

// MARK: - Helpers

extension UnifiedDiffTests {
  /// Lines that repeat, differ only in trailing whitespace, or end in a carriage return.
  static let smallAlphabet = ["a", "b", "c", "}", "", "d", "a ", "b\r", "e", "f", "g"]

  /// The diff of two texts without its two header lines.
  func diff(_ old: String, _ new: String, context: Int = 3) -> String {
    let unified =
      UnifiedDiff.make(old: old, new: new, oldName: "old", newName: "new", context: context)
      ?? ""
    return Self.droppingHeader(unified)
  }

  static func droppingHeader(_ diff: String) -> String {
    let bytes = Array(diff.utf8)
    let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
    guard newlines.count >= 2 else { return "" }
    return String(decoding: bytes[(newlines[1] + 1)...], as: UTF8.self)
  }

  func numberedLines(_ numbers: ClosedRange<Int>) -> String {
    numbers.map { "l\($0)\n" }.joined()
  }

  func hunkHeaders(_ diff: String) -> [String] {
    Self.byteLines(diff).filter { $0.starts(with: Array("@@".utf8)) }.map {
      String(decoding: $0.dropLast(), as: UTF8.self)
    }
  }

  /// Two texts that share some lines: the new one is an edited copy of the old one,
  /// or unrelated, and either may lack its final newline.
  func randomPair(_ random: inout SplitMix64, maxLines: Int, alphabet: [String])
    -> (String, String)
  {
    let old = (0..<random.next(below: maxLines + 1)).map { _ in
      alphabet[random.next(below: alphabet.count)]
    }
    var new = old
    if random.next(below: 8) == 0 {
      new = (0..<random.next(below: maxLines + 1)).map { _ in
        alphabet[random.next(below: alphabet.count)]
      }
    } else {
      for _ in 0..<random.next(below: 1 + maxLines / 3) {
        // Some lines new to both texts, which GNU diff sets aside before its search.
        let line =
          random.next(below: 4) == 0
          ? "new \(random.next(below: 1_000))" : alphabet[random.next(below: alphabet.count)]
        let position = random.next(below: new.count + 1)
        switch random.next(below: 3) {
        case 0: new.insert(line, at: position)
        case 1 where position < new.count: new.remove(at: position)
        default: if position < new.count { new[position] = line }
        }
      }
    }
    return (joined(old, &random), joined(new, &random))
  }

  func codeLikeLines(_ random: inout SplitMix64, tag: String, count: Int) -> [String] {
    (0..<count).map { _ in
      switch random.next(below: 10) {
      case 0, 1, 2: ["", "}", "{"][random.next(below: 3)]
      case 3, 4: "shared \(random.next(below: 8))"
      default: "\(tag) \(random.next(below: 100_000))"
      }
    }
  }

  private func joined(_ lines: [String], _ random: inout SplitMix64) -> String {
    let text = lines.map { $0 + "\n" }.joined()
    return random.next(below: 4) == 0 && !text.isEmpty ? String(text.dropLast()) : text
  }

  func expectSameAsGNU(
    _ old: String,
    _ new: String,
    context: Int,
    gnu: GNUDiff,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let expected = try gnu.diff(old, new, context: context)
    let actual = UnifiedDiff.make(
      old: old,
      new: new,
      oldName: "old",
      newName: "new",
      context: context
    ).map(Self.droppingHeader)
    #expect(
      actual == expected,
      "old: \(old.debugDescription)\nnew: \(new.debugDescription)\ncontext: \(context)",
      sourceLocation: sourceLocation
    )
  }
}

extension UnifiedDiffTests {
  /// Runs GNU diff on two texts written to temporary files.
  ///
  /// A class, so that its folder of temporary files goes away with it.
  final class GNUDiff {
    let directory: URL

    init() throws {
      directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("UnifiedDiffTests-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
      try? FileManager.default.removeItem(at: directory)
    }

    /// The output of `diff -U context` without its header (which holds timestamps), or
    /// nil when the texts are equal.
    func diff(_ old: String, _ new: String, context: Int) throws -> String? {
      let oldFile = directory.appendingPathComponent("old")
      let newFile = directory.appendingPathComponent("new")
      try Data(old.utf8).write(to: oldFile)
      try Data(new.utf8).write(to: newFile)

      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
      process.arguments = ["-U", "\(context)", oldFile.path, newFile.path]
      // The "No newline at end of file" marker is translated in other locales.
      process.environment = ["LC_ALL": "C"]
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()

      switch process.terminationStatus {
      case 0: return nil
      case 1: return UnifiedDiffTests.droppingHeader(String(decoding: data, as: UTF8.self))
      default: throw PatchError(message: "diff exited with \(process.terminationStatus)")
      }
    }
  }

  // MARK: - A tiny patch applier

  struct PatchError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }

  /// Splits text after each newline, keeping the newlines.
  static func byteLines(_ text: String) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    for byte in text.utf8 {
      current.append(byte)
      if byte == UInt8(ascii: "\n") {
        lines.append(current)
        current = []
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Applies a unified diff to `old`, checking every context and deleted line and the
  /// counts in each `@@` line.
  static func apply(_ diff: String, to old: String) throws -> String {
    let oldLines = Self.byteLines(old)
    var diffLines = Self.byteLines(diff)[...]
    guard diffLines.popFirst()?.starts(with: Array("--- ".utf8)) == true,
      diffLines.popFirst()?.starts(with: Array("+++ ".utf8)) == true
    else { throw PatchError(message: "missing header") }

    var result: [[UInt8]] = []
    var next = 0
    while let header = diffLines.popFirst() {
      let (oldStart, oldCount, newCount) = try Self.parseHunkHeader(header)
      let start = oldCount == 0 ? oldStart : oldStart - 1
      guard start >= next else { throw PatchError(message: "hunks out of order") }
      result += oldLines[next..<start]
      next = start

      var body: [(kind: UInt8, line: [UInt8])] = []
      while let line = diffLines.first, line.first != UInt8(ascii: "@") {
        diffLines.removeFirst()
        if line.first == UInt8(ascii: "\\") {
          body[body.count - 1].line.removeLast()
        } else {
          body.append((line[0], Array(line.dropFirst())))
        }
      }

      var counts = (old: 0, new: 0)
      for (kind, line) in body {
        if kind != UInt8(ascii: "+") {
          guard next < oldLines.count, oldLines[next] == line else {
            throw PatchError(message: "line \(next + 1) of old does not match")
          }
          next += 1
          counts.old += 1
        }
        if kind != UInt8(ascii: "-") {
          result.append(line)
          counts.new += 1
        }
      }
      guard counts.old == oldCount, counts.new == newCount else {
        throw PatchError(message: "counts do not match \(String(decoding: header, as: UTF8.self))")
      }
    }
    result += oldLines[next...]
    return String(decoding: result.joined(), as: UTF8.self)
  }

  /// Reads `@@ -a,b +c,d @@`, where a missing count means 1.
  static func parseHunkHeader(_ header: [UInt8]) throws -> (
    oldStart: Int, oldCount: Int, newCount: Int
  ) {
    let text = String(decoding: header, as: UTF8.self)
    let fields = text.split(separator: " ")
    guard fields.count == 4, fields[0] == "@@", fields[3] == "@@\n" else {
      throw PatchError(message: "bad hunk header \(text)")
    }
    func range(_ field: Substring) throws -> (Int, Int) {
      let numbers = field.dropFirst().split(separator: ",").compactMap { Int($0) }
      guard numbers.count == (field.contains(",") ? 2 : 1) else {
        throw PatchError(message: "bad range \(field)")
      }
      return (numbers[0], numbers.count == 2 ? numbers[1] : 1)
    }
    let (oldStart, oldCount) = try range(fields[1])
    let (_, newCount) = try range(fields[2])
    return (oldStart, oldCount, newCount)
  }

  /// A small deterministic generator (SplitMix64), so every run tests the same texts.
  struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
      state = seed
    }

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int {
      Int(next() % UInt64(bound))
    }
  }
}
