/// Compares two texts line by line and prints their differences as a unified diff.
///
/// `--check` shows a reviewer how committed generated files differ from what the model
/// renders, so the diff must read exactly like the `diff -u` or `git diff` the reviewer
/// already knows. The hunks, line numbers and counts are therefore those of GNU diff:
/// the same shortest edit script (Myers' O((N+M)·D) search in linear space, with GNU's
/// choices among equally short scripts), the same hunk merging, and the same
/// `\ No newline at end of file` marker. Lines are compared and printed byte for byte:
/// trailing whitespace and carriage returns stay as they are.
public enum UnifiedDiff {
  /// Returns the unified diff that turns `old` into `new`, or nil when they are equal.
  ///
  /// The texts are split after each `"\n"`; a last line without one gets the
  /// `\ No newline at end of file` marker, and never equals a line that has one. The
  /// header is `--- oldName` and `+++ newName`, without the timestamps GNU diff adds.
  /// Changes whose contexts touch or overlap share a hunk.
  ///
  /// - Parameters:
  ///   - old: The text the diff starts from, such as the committed file.
  ///   - new: The text the diff leads to, such as the freshly rendered file.
  ///   - oldName: The name printed after `---`.
  ///   - newName: The name printed after `+++`.
  ///   - context: How many unchanged lines to show around each change; at least 0.
  /// - Returns: The diff, ending in a newline, or nil when the texts are byte-for-byte
  ///   equal.
  public static func make(
    old: String,
    new: String,
    oldName: String,
    newName: String,
    context: Int = 3
  ) -> String? {
    precondition(context >= 0, "a diff cannot show a negative number of context lines")
    if old.utf8.elementsEqual(new.utf8) { return nil }

    let oldText = Text(old)
    let newText = Text(new)
    // More context than lines shows the same; the cap keeps `2 * context` from overflowing.
    let context = min(context, max(oldText.lines.count, newText.lines.count))
    let numbers = numberLines(oldText, newText)
    let changes = editScript(old: numbers.old, new: numbers.new, horizon: context)

    var writer = Writer(old: oldText, new: newText, context: context)
    writer.writeHeader(oldName: oldName, newName: newName)
    for hunk in hunks(of: changes, context: context) {
      writer.writeHunk(hunk)
    }
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}

// MARK: - Lines

extension UnifiedDiff {
  /// A text as bytes, with the range of each line including its newline.
  ///
  /// Keeping the newline inside the range is what makes a last line without one differ
  /// from the same line with one, as it does for GNU diff.
  struct Text {
    let bytes: [UInt8]
    let lines: [Range<Int>]
    /// A hash of each line, computed while splitting, since hashing a line's bytes one
    /// by one through `Hasher` costs more than the whole search on large inputs.
    let hashes: [Int]

    init(_ string: String) {
      bytes = Array(string.utf8)
      var lines: [Range<Int>] = []
      var hashes: [Int] = []
      var start = 0
      var hash = Self.fnvOffsetBasis
      for (index, byte) in bytes.enumerated() {
        hash = (hash ^ UInt64(byte)) &* Self.fnvPrime
        if byte == UInt8(ascii: "\n") {
          lines.append(start..<index + 1)
          hashes.append(Int(truncatingIfNeeded: hash))
          start = index + 1
          hash = Self.fnvOffsetBasis
        }
      }
      if start < bytes.count {
        lines.append(start..<bytes.count)
        hashes.append(Int(truncatingIfNeeded: hash))
      }
      self.lines = lines
      self.hashes = hashes
    }

    // FNV-1a: a few instructions per byte, and good enough to spread short lines.
    private static let fnvOffsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01b3
  }

  /// A line as a dictionary key: its precomputed hash, then its bytes.
  struct LineKey: Hashable {
    let hash: Int
    let bytes: ArraySlice<UInt8>

    static func == (lhs: LineKey, rhs: LineKey) -> Bool {
      lhs.hash == rhs.hash && lhs.bytes == rhs.bytes
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(hash)
    }
  }

  /// Gives every distinct line one small number, shared by both texts.
  ///
  /// The search compares lines millions of times; comparing integers keeps that cheap.
  /// Bytes are compared rather than `String`s, because Swift's string equality treats
  /// canonically equivalent lines as equal, and diff must show such a change.
  static func numberLines(_ old: Text, _ new: Text) -> (old: [Int], new: [Int]) {
    var numbers: [LineKey: Int] = [:]
    func number(_ text: Text) -> [Int] {
      zip(text.lines, text.hashes).map { range, hash in
        let key = LineKey(hash: hash, bytes: text.bytes[range])
        if let known = numbers[key] { return known }
        numbers[key] = numbers.count
        return numbers.count - 1
      }
    }
    return (number(old), number(new))
  }
}

// MARK: - Edit script

extension UnifiedDiff {
  /// Deleted old lines replaced by inserted new lines, both runs possibly empty.
  struct Change {
    /// The first deleted old line (from 0), or the old line the insertion comes before.
    var oldStart: Int
    /// The first inserted new line (from 0), or the new line the deletion comes before.
    var newStart: Int
    var deleted: Int
    var inserted: Int
  }

  /// Finds the changes that turn `old` into `new`, in order.
  ///
  /// Follows GNU diff step by step, since each step decides which of several equally
  /// short scripts is printed: leave out the common ends, set aside lines that cannot
  /// match, search for a shortest script, then slide runs of changes to merge them.
  static func editScript(old: [Int], new: [Int], horizon: Int) -> [Change] {
    let window = Window(old: old, new: new, horizon: horizon)
    let oldLines = Array(old[window.prefix..<old.count - window.suffix])
    let newLines = Array(new[window.prefix..<new.count - window.suffix])

    var changed = markChanges(old: oldLines, new: newLines)
    BoundaryShifter.shift(&changed.old, other: changed.new, lines: oldLines)
    BoundaryShifter.shift(&changed.new, other: changed.old, lines: newLines)

    return collectChanges(changed, offset: window.prefix)
  }

  /// The common first and last lines that the analysis skips.
  ///
  /// Like GNU diff, it keeps `horizon` of them on each side inside the analysis, so
  /// that a change can still slide onto an identical line just outside it.
  struct Window {
    let prefix: Int
    let suffix: Int

    init(old: [Int], new: [Int], horizon: Int) {
      let shorter = min(old.count, new.count)
      var leading = 0
      while leading < shorter && old[leading] == new[leading] { leading += 1 }
      prefix = max(0, leading - horizon)

      // The suffix may not reach back into the prefix of the shorter text.
      var trailing = 0
      while trailing < shorter - prefix,
        old[old.count - 1 - trailing] == new[new.count - 1 - trailing]
      {
        trailing += 1
      }
      suffix = max(0, trailing - horizon)
    }
  }

  /// Marks every line that a shortest edit script deletes or inserts.
  static func markChanges(old: [Int], new: [Int]) -> (old: ChangeFlags, new: ChangeFlags) {
    let classCount = max(old.max() ?? -1, new.max() ?? -1) + 1
    let oldKept = Discarding.keptLines(old, other: new, classCount: classCount)
    let newKept = Discarding.keptLines(new, other: old, classCount: classCount)

    let search = MiddleSnakeSearch.compare(oldKept.map { old[$0] }, newKept.map { new[$0] })

    return (
      ChangeFlags(count: old.count, kept: oldKept, keptChanged: search.deleted),
      ChangeFlags(count: new.count, kept: newKept, keptChanged: search.inserted)
    )
  }

  /// Turns the marks into changes, numbered from the first line of each text.
  static func collectChanges(_ changed: (old: ChangeFlags, new: ChangeFlags), offset: Int)
    -> [Change]
  {
    var changes: [Change] = []
    var oldLine = 0
    var newLine = 0
    while oldLine < changed.old.count || newLine < changed.new.count {
      if changed.old[oldLine] || changed.new[newLine] {
        let change = (old: oldLine, new: newLine)
        while changed.old[oldLine] { oldLine += 1 }
        while changed.new[newLine] { newLine += 1 }
        changes.append(
          Change(
            oldStart: change.old + offset,
            newStart: change.new + offset,
            deleted: oldLine - change.old,
            inserted: newLine - change.new
          )
        )
      }
      oldLine += 1
      newLine += 1
    }
    return changes
  }
}

// MARK: - Change flags

extension UnifiedDiff {
  /// One flag per line saying whether it is deleted (old text) or inserted (new text).
  ///
  /// Reading one line past either end gives false, so that loops walking over runs of
  /// changes stop at the ends without extra bounds checks, as in GNU diff.
  struct ChangeFlags {
    private var storage: [Bool]

    /// The number of lines.
    var count: Int { storage.count - 2 }

    init(count: Int, kept: [Int], keptChanged: [Bool]) {
      storage = Array(repeating: true, count: count + 2)
      storage[0] = false
      storage[count + 1] = false
      for (index, line) in kept.enumerated() {
        storage[line + 1] = keptChanged[index]
      }
    }

    subscript(line: Int) -> Bool {
      get { storage[line + 1] }
      set { storage[line + 1] = newValue }
    }
  }
}

// MARK: - Discarding

extension UnifiedDiff {
  /// Sets aside lines the search need not consider, as GNU diff's
  /// `discard_confusing_lines` does.
  ///
  /// A line with no match in the other text is certainly changed, and leaving it out
  /// makes texts with little in common cheap to compare. A line with very many matches
  /// (blank lines, braces) is set aside only inside a run of unmatched lines, where
  /// matching it would only scatter the change.
  enum Discarding {
    enum Mark { case keep, discard, provisional }

    /// Returns the indexes of the lines of `lines` that the search must consider.
    static func keptLines(_ lines: [Int], other: [Int], classCount: Int) -> [Int] {
      var marks = initialMarks(lines, other: other, classCount: classCount)
      settleProvisionalMarks(&marks)
      return marks.indices.filter { marks[$0] == .keep }
    }

    static func initialMarks(_ lines: [Int], other: [Int], classCount: Int) -> [Mark] {
      var otherCounts = Array(repeating: 0, count: classCount)
      for line in other { otherCounts[line] += 1 }

      // About the square root of the number of lines, and at least 5.
      let many = lines.count < 64 ? 5 : 5 << ((floorLog2(lines.count) >> 1) - 3)
      return lines.map { line in
        let matches = otherCounts[line]
        return matches == 0 ? .discard : matches > many ? .provisional : .keep
      }
    }

    /// Keeps provisional lines unless they sit well inside a run of discarded lines.
    static func settleProvisionalMarks(_ marks: inout [Mark]) {
      var index = 0
      while index < marks.count {
        switch marks[index] {
        case .provisional: marks[index] = .keep
        case .discard: index = settleRun(&marks, from: index)
        case .keep: break
        }
        index += 1
      }
    }

    /// Settles the run of discardable lines starting at `start`; returns its last line.
    static func settleRun(_ marks: inout [Mark], from start: Int) -> Int {
      var end = start
      while end < marks.count && marks[end] != .keep { end += 1 }
      while marks[end - 1] == .provisional {
        end -= 1
        marks[end] = .keep
      }
      let run = start..<end
      let provisional = run.filter { marks[$0] == .provisional }.count

      if run.count >> 2 < provisional {
        for line in run where marks[line] == .provisional { marks[line] = .keep }
      } else {
        keepLongProvisionalStretches(&marks, in: run)
        keepProvisionalNearEnd(&marks, of: run.map { $0 })
        keepProvisionalNearEnd(&marks, of: run.reversed())
      }
      return end - 1
    }

    /// Keeps every provisional line in a stretch of about √(length / 4) or more of them.
    static func keepLongProvisionalStretches(_ marks: inout [Mark], in run: Range<Int>) {
      let minimum = run.count < 4 ? 2 : (1 << ((floorLog2(run.count) >> 1) - 1)) + 1
      var stretch = 0
      var offset = 0
      while offset < run.count {
        let line = run.lowerBound + offset
        if marks[line] != .provisional {
          stretch = 0
        } else {
          stretch += 1
          if stretch == minimum {
            // Go back to the stretch's first line and keep them all on the way forward.
            offset -= stretch
          } else if stretch > minimum {
            marks[line] = .keep
          }
        }
        offset += 1
      }
    }

    /// Keeps provisional lines from one end of a run until three discarded lines in a
    /// row, or a discarded line eight or more lines in.
    static func keepProvisionalNearEnd(_ marks: inout [Mark], of lines: [Int]) {
      var discardedInARow = 0
      for (distance, line) in lines.enumerated() {
        if distance >= 8 && marks[line] == .discard { return }
        switch marks[line] {
        case .provisional:
          marks[line] = .keep
          discardedInARow = 0
        case .keep: discardedInARow = 0
        case .discard: discardedInARow += 1
        }
        if discardedInARow == 3 { return }
      }
    }
  }

  /// The position of the highest set bit of a positive number.
  static func floorLog2(_ value: Int) -> Int {
    Int.bitWidth - 1 - value.leadingZeroBitCount
  }
}

// MARK: - Middle snake search

extension UnifiedDiff {
  /// Myers' O((N+M)·D) difference search in linear space, as GNU diff runs it.
  ///
  /// Each step searches from both corners of a region at once until the two searches
  /// meet on the middle of a shortest edit script, then handles both halves the same
  /// way. Memory stays linear: two vectors indexed by diagonal. Like GNU diff, a search
  /// that runs too long settles for a good split instead, which bounds the time on huge
  /// inputs at the cost of a script that may be slightly longer than the shortest.
  ///
  /// The search reads and writes through pointers: with array subscripts, bounds and
  /// uniqueness checks took most of its time.
  struct MiddleSnakeSearch {
    private let x: UnsafePointer<Int>
    private let y: UnsafePointer<Int>
    /// Furthest x reached on each diagonal (x − y) by the forward and backward searches;
    /// both point at diagonal 0, and are valid from −(y count + 1) to x count + 1.
    private let forward: UnsafeMutablePointer<Int>
    private let backward: UnsafeMutablePointer<Int>
    private let tooExpensive: Int

    /// A rectangle of the edit graph still to be compared.
    struct Region {
      var xLow: Int
      var xHigh: Int
      var yLow: Int
      var yHigh: Int
      var minimal: Bool
    }

    /// A point on a shortest path, and whether each half still needs an exact search.
    struct Split {
      var x: Int
      var y: Int
      var lowMinimal: Bool
      var highMinimal: Bool
    }

    /// Compares all of `x` with all of `y`.
    ///
    /// - Returns: Whether each line of `x` is deleted and each line of `y` inserted.
    static func compare(_ x: [Int], _ y: [Int]) -> (deleted: [Bool], inserted: [Bool]) {
      guard !x.isEmpty && !y.isEmpty else {
        return (Array(repeating: true, count: x.count), Array(repeating: true, count: y.count))
      }
      let diagonals = x.count + y.count + 3
      var forward = Array(repeating: 0, count: diagonals)
      var backward = Array(repeating: 0, count: diagonals)

      return x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
          forward.withUnsafeMutableBufferPointer { forward in
            backward.withUnsafeMutableBufferPointer { backward in
              let search = MiddleSnakeSearch(
                x: x.baseAddress!,
                y: y.baseAddress!,
                forward: forward.baseAddress! + y.count + 1,
                backward: backward.baseAddress! + y.count + 1,
                // GNU diff's bound: about the square root of the input size, at least 4096.
                tooExpensive: max(4096, 1 << ((floorLog2(diagonals) >> 1) + 1))
              )
              return search.run(xCount: x.count, yCount: y.count)
            }
          }
        }
      }
    }

    /// Splits regions until each is only deletions or only insertions.
    ///
    /// A stack of regions replaces recursion, because tests and callers may run on
    /// threads with small stacks.
    private func run(xCount: Int, yCount: Int) -> (deleted: [Bool], inserted: [Bool]) {
      var deleted = Array(repeating: false, count: xCount)
      var inserted = Array(repeating: false, count: yCount)
      var pending = [Region(xLow: 0, xHigh: xCount, yLow: 0, yHigh: yCount, minimal: false)]
      while var region = pending.popLast() {
        trimCommonEnds(&region)
        if region.xLow == region.xHigh {
          for line in region.yLow..<region.yHigh { inserted[line] = true }
        } else if region.yLow == region.yHigh {
          for line in region.xLow..<region.xHigh { deleted[line] = true }
        } else {
          let split = self.split(region)
          var low = region
          var high = region
          (low.xHigh, low.yHigh, low.minimal) = (split.x, split.y, split.lowMinimal)
          (high.xLow, high.yLow, high.minimal) = (split.x, split.y, split.highMinimal)
          pending.append(high)
          pending.append(low)
        }
      }
      return (deleted, inserted)
    }

    private func trimCommonEnds(_ region: inout Region) {
      while region.xLow < region.xHigh && region.yLow < region.yHigh
        && x[region.xLow] == y[region.yLow]
      {
        region.xLow += 1
        region.yLow += 1
      }
      while region.xLow < region.xHigh && region.yLow < region.yHigh
        && x[region.xHigh - 1] == y[region.yHigh - 1]
      {
        region.xHigh -= 1
        region.yHigh -= 1
      }
    }

    /// The diagonals both searches have reached, for one region.
    private struct Frontier {
      let lowest: Int
      let highest: Int
      let forwardMid: Int
      let backwardMid: Int
      /// Whether the searches can meet during a forward step rather than a backward one.
      let odd: Bool
      var forwardMin: Int
      var forwardMax: Int
      var backwardMin: Int
      var backwardMax: Int

      init(_ region: Region) {
        lowest = region.xLow - region.yHigh
        highest = region.xHigh - region.yLow
        forwardMid = region.xLow - region.yLow
        backwardMid = region.xHigh - region.yHigh
        odd = (forwardMid - backwardMid) & 1 != 0
        (forwardMin, forwardMax) = (forwardMid, forwardMid)
        (backwardMin, backwardMax) = (backwardMid, backwardMid)
      }
    }

    /// Finds where the forward and backward searches meet in a region whose first lines
    /// and last lines differ.
    private func split(_ region: Region) -> Split {
      var frontier = Frontier(region)
      forward[frontier.forwardMid] = region.xLow
      backward[frontier.backwardMid] = region.xHigh

      var cost = 1
      while true {
        if let split = stepForward(region, &frontier) { return split }
        if let split = stepBackward(region, &frontier) { return split }
        if !region.minimal && cost >= tooExpensive {
          return bestGuess(region, frontier)
        }
        cost += 1
      }
    }

    /// Extends the search from the top-left corner by one more edit on each diagonal.
    private func stepForward(_ region: Region, _ frontier: inout Frontier) -> Split? {
      if frontier.forwardMin > frontier.lowest {
        frontier.forwardMin -= 1
        forward[frontier.forwardMin - 1] = -1
      } else {
        frontier.forwardMin += 1
      }
      if frontier.forwardMax < frontier.highest {
        frontier.forwardMax += 1
        forward[frontier.forwardMax + 1] = -1
      } else {
        frontier.forwardMax -= 1
      }

      // A while loop: `stride` is not inlined here and costs a tenth of the search.
      var diagonal = frontier.forwardMax
      while diagonal >= frontier.forwardMin {
        defer { diagonal -= 2 }
        let below = forward[diagonal - 1]
        let above = forward[diagonal + 1]
        var column = below < above ? above : below + 1
        var row = column - diagonal
        while column < region.xHigh && row < region.yHigh && x[column] == y[row] {
          column += 1
          row += 1
        }
        forward[diagonal] = column
        if frontier.odd && frontier.backwardMin <= diagonal && diagonal <= frontier.backwardMax
          && backward[diagonal] <= column
        {
          return Split(x: column, y: row, lowMinimal: true, highMinimal: true)
        }
      }
      return nil
    }

    /// Extends the search from the bottom-right corner by one more edit on each diagonal.
    private func stepBackward(_ region: Region, _ frontier: inout Frontier) -> Split? {
      if frontier.backwardMin > frontier.lowest {
        frontier.backwardMin -= 1
        backward[frontier.backwardMin - 1] = Int.max
      } else {
        frontier.backwardMin += 1
      }
      if frontier.backwardMax < frontier.highest {
        frontier.backwardMax += 1
        backward[frontier.backwardMax + 1] = Int.max
      } else {
        frontier.backwardMax -= 1
      }

      var diagonal = frontier.backwardMax
      while diagonal >= frontier.backwardMin {
        defer { diagonal -= 2 }
        let below = backward[diagonal - 1]
        let above = backward[diagonal + 1]
        var column = below < above ? below : above - 1
        var row = column - diagonal
        while region.xLow < column && region.yLow < row && x[column - 1] == y[row - 1] {
          column -= 1
          row -= 1
        }
        backward[diagonal] = column
        if !frontier.odd && frontier.forwardMin <= diagonal && diagonal <= frontier.forwardMax
          && column <= forward[diagonal]
        {
          return Split(x: column, y: row, lowMinimal: true, highMinimal: true)
        }
      }
      return nil
    }

    /// Gives up on an expensive region: splits at whichever search got furthest.
    private func bestGuess(_ region: Region, _ frontier: Frontier) -> Split {
      var forwardBest = (sum: -1, x: 0)
      for diagonal in stride(from: frontier.forwardMax, through: frontier.forwardMin, by: -2) {
        var column = min(forward[diagonal], region.xHigh)
        var row = column - diagonal
        if region.yHigh < row { (column, row) = (region.yHigh + diagonal, region.yHigh) }
        if forwardBest.sum < column + row { forwardBest = (column + row, column) }
      }

      var backwardBest = (sum: Int.max, x: 0)
      for diagonal in stride(from: frontier.backwardMax, through: frontier.backwardMin, by: -2) {
        var column = max(region.xLow, backward[diagonal])
        var row = column - diagonal
        if row < region.yLow { (column, row) = (region.yLow + diagonal, region.yLow) }
        if column + row < backwardBest.sum { backwardBest = (column + row, column) }
      }

      let forwardProgress = forwardBest.sum - (region.xLow + region.yLow)
      let backwardProgress = (region.xHigh + region.yHigh) - backwardBest.sum
      if backwardProgress < forwardProgress {
        let (sum, column) = forwardBest
        return Split(x: column, y: sum - column, lowMinimal: true, highMinimal: false)
      }
      let (sum, column) = backwardBest
      return Split(x: column, y: sum - column, lowMinimal: false, highMinimal: true)
    }
  }
}

// MARK: - Boundary shifting

extension UnifiedDiff {
  /// Slides runs of changes over identical lines, as GNU diff's `shift_boundaries` does.
  ///
  /// When a changed run could equally start one line earlier or later (its last line
  /// equals the line before it, or its first line the line after it), the search picks
  /// one arbitrarily. Sliding merges runs where possible, then prefers the latest
  /// position, or the one facing a change in the other text, so that hunks end on
  /// whole blocks (a `}` after the inserted function, not before it).
  struct BoundaryShifter {
    private var changed: ChangeFlags
    private let other: ChangeFlags
    private let lines: [Int]
    /// The current run is lines `start..<end`; `otherLine` is where it lines up in the
    /// other text.
    private var start = 0
    private var end = 0
    private var otherLine = 0

    /// Shifts the runs of `changed`, a text whose line numbers are `lines`.
    static func shift(_ changed: inout ChangeFlags, other: ChangeFlags, lines: [Int]) {
      var shifter = BoundaryShifter(changed: changed, other: other, lines: lines)
      while shifter.findNextRun() {
        shifter.shiftRun()
      }
      changed = shifter.changed
    }

    private init(changed: ChangeFlags, other: ChangeFlags, lines: [Int]) {
      self.changed = changed
      self.other = other
      self.lines = lines
    }

    /// Moves to the next run of changes, keeping `otherLine` in step.
    private mutating func findNextRun() -> Bool {
      while end < changed.count && !changed[end] {
        skipOtherRun()
        otherLine += 1
        end += 1
      }
      guard end < changed.count else { return false }

      start = end
      end += 1
      while changed[end] { end += 1 }
      skipOtherRun()
      return true
    }

    private mutating func shiftRun() {
      var corresponding: Int
      var length: Int
      repeat {
        length = end - start
        slideBackward()
        corresponding = other[otherLine - 1] ? end : changed.count
        slideForward(corresponding: &corresponding)
      } while length != end - start

      // Settle where the run faces a change in the other text, if it ever did.
      while corresponding < end {
        moveBack()
      }
    }

    /// Slides the run up while its last line equals the line before it.
    private mutating func slideBackward() {
      while start > 0 && lines[start - 1] == lines[end - 1] {
        moveBack()
        while changed[start - 1] { start -= 1 }
      }
    }

    /// Slides the run down while its first line equals the line after it, noting the
    /// last position where it faces a change in the other text.
    private mutating func slideForward(corresponding: inout Int) {
      while end != changed.count && lines[start] == lines[end] {
        changed[start] = false
        start += 1
        changed[end] = true
        end += 1
        while changed[end] { end += 1 }
        otherLine += 1
        while other[otherLine] {
          corresponding = end
          otherLine += 1
        }
      }
    }

    private mutating func moveBack() {
      start -= 1
      changed[start] = true
      end -= 1
      changed[end] = false
      otherLine -= 1
      while other[otherLine] { otherLine -= 1 }
    }

    private mutating func skipOtherRun() {
      while other[otherLine] { otherLine += 1 }
    }
  }
}

// MARK: - Output

extension UnifiedDiff {
  /// Groups changes into hunks: changes at most `2 * context` unchanged lines apart
  /// share one, since their context lines would touch or overlap.
  static func hunks(of changes: [Change], context: Int) -> [ArraySlice<Change>] {
    var hunks: [ArraySlice<Change>] = []
    var first = 0
    for index in changes.indices.dropFirst() {
      let previous = changes[index - 1]
      if changes[index].oldStart - (previous.oldStart + previous.deleted) > 2 * context {
        hunks.append(changes[first..<index])
        first = index
      }
    }
    if !changes.isEmpty { hunks.append(changes[first...]) }
    return hunks
  }

  /// Prints the header and hunks of a diff as bytes.
  struct Writer {
    let old: Text
    let new: Text
    let context: Int
    private(set) var bytes: [UInt8] = []

    init(old: Text, new: Text, context: Int) {
      self.old = old
      self.new = new
      self.context = context
    }

    mutating func writeHeader(oldName: String, newName: String) {
      bytes += Array("--- \(oldName)\n+++ \(newName)\n".utf8)
    }

    /// Prints one hunk: its `@@` line, then context, deleted and inserted lines.
    mutating func writeHunk(_ changes: ArraySlice<Change>) {
      let first = changes.first!
      let last = changes.last!
      let oldLines = lineRange(
        first: first.oldStart,
        last: last.oldStart + last.deleted - 1,
        count: old.lines.count
      )
      let newLines = lineRange(
        first: first.newStart,
        last: last.newStart + last.inserted - 1,
        count: new.lines.count
      )
      bytes += Array("@@ -\(Self.describe(oldLines)) +\(Self.describe(newLines)) @@\n".utf8)

      var oldLine = oldLines.lowerBound
      var newLine = newLines.lowerBound
      for change in changes {
        while oldLine < change.oldStart {
          writeLine(space, old, oldLine)
          oldLine += 1
          newLine += 1
        }
        for line in oldLine..<oldLine + change.deleted { writeLine(minus, old, line) }
        for line in newLine..<newLine + change.inserted { writeLine(plus, new, line) }
        oldLine += change.deleted
        newLine += change.inserted
      }
      for line in oldLine..<oldLines.upperBound { writeLine(space, old, line) }
    }

    /// The lines a hunk shows from one text: its changed lines plus the context,
    /// clipped to the text.
    private func lineRange(first: Int, last: Int, count: Int) -> Range<Int> {
      max(first - context, 0)..<min(last + context, count - 1) + 1
    }

    /// Prints a range as GNU diff does: `start,count`, only `start` when the count is 1,
    /// and for an empty range the line before it with count 0.
    private static func describe(_ lines: Range<Int>) -> String {
      switch lines.count {
      case 0: return "\(lines.lowerBound),0"
      case 1: return "\(lines.lowerBound + 1)"
      default: return "\(lines.lowerBound + 1),\(lines.count)"
      }
    }

    private let space = UInt8(ascii: " ")
    private let minus = UInt8(ascii: "-")
    private let plus = UInt8(ascii: "+")

    private mutating func writeLine(_ prefix: UInt8, _ text: Text, _ line: Int) {
      let range = text.lines[line]
      bytes.append(prefix)
      bytes += text.bytes[range]
      if text.bytes[range.upperBound - 1] != UInt8(ascii: "\n") {
        bytes += Array("\n\\ No newline at end of file\n".utf8)
      }
    }
  }
}
