using System.Text;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Journal;

namespace WisCte.Certification.Tests;

/// <summary>A journal file read back line by line as UTF-8: the shapes a file takes on disk, and a bad line named.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)] // a file per test: the tests run at once
public sealed class JournalFileTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"wiscte-journal-file-{Guid.NewGuid():N}.ndjson");

    [TearDown]
    public void RemoveFile() => File.Delete(_file);

    [Test]
    public void Every_entry_is_read_whatever_the_line_endings_blank_lines_mark_or_last_line_break()
    {
        var lines = Enumerable.Range(1, 5).Select(i => JournalFile.ToLine(Entry(i, "{}"))).ToList();
        var text = "\uFEFF" + lines[0] + "\r\n" + lines[1] + "\n\n  \n" + lines[2] + "\r\n\r\n" + lines[3] + "\n" + lines[4];
        File.WriteAllText(_file, text, new UTF8Encoding(false));

        JournalFile.Read(_file).Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5);
    }

    [Test]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        var body = "{\"note\":\"" + new string('x', 300_000) + "\"}";
        File.WriteAllLines(_file, [JournalFile.ToLine(Entry(1, "{}")), JournalFile.ToLine(Entry(2, body)), JournalFile.ToLine(Entry(3, "{}"))]);

        var entries = JournalFile.Read(_file).ToList();

        entries.Select(e => e.Sequence).Should().Equal(1, 2, 3);
        entries[1].RequestBody.Should().Be(body);
    }

    [Test]
    public void Text_outside_ASCII_reads_back_as_written()
    {
        var body = "{\"lastSurname\":\"Nguyễn-Øvergård\"}";
        File.WriteAllLines(_file, [JournalFile.ToLine(Entry(1, body))]);

        JournalFile.Read(_file).Single().RequestBody.Should().Be(body);
    }

    [Test]
    public void A_line_that_is_not_an_entry_is_named_by_file_and_line()
    {
        File.WriteAllLines(_file, [JournalFile.ToLine(Entry(1, "{}")), "", "{\"sequence\": 2, \"method\": ", JournalFile.ToLine(Entry(3, "{}"))]);

        var read = () => JournalFile.Read(_file).ToList();

        read.Should().Throw<InvalidDataException>().WithMessage($"{_file}:3: not a journal entry*");
    }

    [Test]
    public void Lines_are_numbered_across_the_blocks_a_file_is_read_in()
    {
        // About 200 KB of lines, blank ones among them: several blocks, a bad line in a later one.
        var lines = Enumerable.Range(1, 2_000).Select(i => i % 7 == 0 ? "" : JournalFile.ToLine(Entry(i, "{}"))).ToList();
        lines[1_899] = "{\"sequence\": 1900, \"method\": ";
        File.WriteAllLines(_file, lines);

        var blocks = JournalFile.Read(_file).Blocks().ToList();
        var read = () => JournalFile.Read(_file).ToList();

        blocks.Should().HaveCountGreaterThan(2);
        blocks.Select(b => b.FirstLine).Should().BeInAscendingOrder().And.StartWith(1);
        blocks.Sum(b => b.LineCount).Should().Be(2_000);
        read.Should().Throw<InvalidDataException>().WithMessage($"{_file}:1900: not a journal entry*");
        foreach (var block in blocks)
            block.Dispose();
    }

    private static JournalEntry Entry(long sequence, string body) => new()
    {
        Sequence = sequence,
        Timestamp = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero),
        CorrelationId = $"c-{sequence}",
        Method = "POST",
        Path = "/data/v3/ed-fi/students",
        Status = 201,
        RequestBody = body,
    };
}
